package org.potentia.reporting.odata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainer;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainerInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;
import org.potentia.platform.catalogue.Catalogue;
import org.potentia.platform.catalogue.Field;
import org.potentia.platform.catalogue.FieldType;
import org.potentia.platform.catalogue.ModuleDefinition;

/**
 * The feed's data model, read from the field catalogue alone: one entity set per module
 * (named as the module, {@code potentials}), of an entity type of the same name whose key
 * is {@code id} and whose properties are the module's fields, typed from their
 * {@link FieldType}. A relation is its id. A module added to the catalogue is in the feed
 * without code here.
 */
final class CatalogueEdmProvider extends CsdlAbstractEdmProvider {

	static final String NAMESPACE = "Potentia";

	static final String CONTAINER_NAME = "Container";

	static final FullQualifiedName CONTAINER = new FullQualifiedName(NAMESPACE, CONTAINER_NAME);

	private final Catalogue catalogue;

	CatalogueEdmProvider(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	/**
	 * The EDM type of a field's values.
	 */
	static EdmPrimitiveTypeKind typeOf(FieldType type) {
		return switch (type) {
			case ID, INTEGER, RELATION -> EdmPrimitiveTypeKind.Int64;
			case DECIMAL, MONEY, PERCENT -> EdmPrimitiveTypeKind.Decimal;
			case DATE -> EdmPrimitiveTypeKind.Date;
			case DATETIME -> EdmPrimitiveTypeKind.DateTimeOffset;
			case BOOLEAN -> EdmPrimitiveTypeKind.Boolean;
			default -> EdmPrimitiveTypeKind.String;
		};
	}

	private Optional<ModuleDefinition> module(FullQualifiedName typeName) {
		if (!NAMESPACE.equals(typeName.getNamespace())) {
			return Optional.empty();
		}
		return this.catalogue.find(typeName.getName());
	}

	@Override
	public CsdlEntityType getEntityType(FullQualifiedName typeName) {
		return module(typeName).map(CatalogueEdmProvider::entityType).orElse(null);
	}

	private static CsdlEntityType entityType(ModuleDefinition module) {
		List<CsdlProperty> properties = new ArrayList<>();
		for (Field field : module.fields()) {
			CsdlProperty property = new CsdlProperty().setName(field.name())
				.setType(typeOf(field.type()).getFullQualifiedName())
				.setNullable(!"id".equals(field.name()));
			if (typeOf(field.type()) == EdmPrimitiveTypeKind.Decimal) {
				if (field.size() > 0) {
					property.setPrecision(field.size()).setScale(field.scale());
				}
				else {
					property.setScaleAsString("variable");
				}
			}
			if (typeOf(field.type()) == EdmPrimitiveTypeKind.String && field.size() > 0) {
				property.setMaxLength(field.size());
			}
			properties.add(property);
		}
		return new CsdlEntityType().setName(module.name())
			.setProperties(properties)
			.setKey(List.of(new CsdlPropertyRef().setName("id")));
	}

	@Override
	public CsdlEntitySet getEntitySet(FullQualifiedName container, String name) {
		if (!CONTAINER.equals(container)) {
			return null;
		}
		return this.catalogue.find(name).map(CatalogueEdmProvider::entitySet).orElse(null);
	}

	private static CsdlEntitySet entitySet(ModuleDefinition module) {
		return new CsdlEntitySet().setName(module.name()).setType(new FullQualifiedName(NAMESPACE, module.name()));
	}

	@Override
	public CsdlEntityContainer getEntityContainer() {
		List<CsdlEntitySet> sets = this.catalogue.modules().stream().map(CatalogueEdmProvider::entitySet).toList();
		return new CsdlEntityContainer().setName(CONTAINER_NAME).setEntitySets(new ArrayList<>(sets));
	}

	@Override
	public CsdlEntityContainerInfo getEntityContainerInfo(FullQualifiedName name) {
		if (name == null || CONTAINER.equals(name)) {
			return new CsdlEntityContainerInfo().setContainerName(CONTAINER);
		}
		return null;
	}

	@Override
	public List<CsdlSchema> getSchemas() {
		List<CsdlEntityType> types = this.catalogue.modules().stream().map(CatalogueEdmProvider::entityType).toList();
		CsdlSchema schema = new CsdlSchema().setNamespace(NAMESPACE)
			.setEntityTypes(new ArrayList<>(types))
			.setEntityContainer(getEntityContainer());
		return List.of(schema);
	}

}
