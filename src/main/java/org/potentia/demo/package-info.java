/**
 * Demo data: on a first start with {@code POTENTIA_DEMO=true}, teams, users, accounts and
 * contacts to try Potentia with. Later modules add theirs through
 * {@link org.potentia.demo.DemoContributor}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.potentia.demo;
