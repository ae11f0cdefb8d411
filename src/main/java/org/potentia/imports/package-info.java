/**
 * CSV import into every module that has a {@link org.potentia.platform.api.RecordWriter}:
 * the upload, the column mapping (remembered per user and module), the dry run and the
 * import on a thread pool of its own, the progress and the report of rejected rows, and
 * the pages at {@code /import/{module}}. It reaches the modules only through the
 * platform's generic surfaces (the catalogue, their {@code RecordWriter} and their
 * {@link org.potentia.platform.csv.ImportProfile}), so no module depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imports",
		allowedDependencies = { "platform", "platform :: *" })
package org.potentia.imports;
