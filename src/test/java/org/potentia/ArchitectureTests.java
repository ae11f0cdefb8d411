package org.potentia;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import org.potentia.platform.catalogue.Catalogue;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package rules of STYLE.md that Spring Modulith does not check: controllers live in
 * a module's {@code web} or {@code api} package, no entity is bound to a request, and
 * only the generic surfaces look modules up by name.
 */
class ArchitectureTests {

	static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.potentia");

	@Test
	void controllersLiveInWebOrApiPackages() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.or()
			.areAnnotatedWith(ControllerAdvice.class)
			.or()
			.areAnnotatedWith(RestControllerAdvice.class)
			.should()
			.resideInAnyPackage("org.potentia.*.web..", "org.potentia.*.api..")
			.check(classes);
	}

	/**
	 * The record modules reach each other through typed services and know their own
	 * catalogue entry as a bean; looking a module up by its name is for the generic
	 * surfaces (platform, imports, module tools, workflows, web forms) that work on any
	 * module.
	 */
	@Test
	void recordModulesDoNotLookUpModulesByName() {
		noClasses().that()
			.resideInAnyPackage("org.potentia.account..", "org.potentia.contact..", "org.potentia.lead..",
					"org.potentia.opportunity..", "org.potentia.pipeline..", "org.potentia.identity..",
					"org.potentia.history..", "org.potentia.demo..")
			.should()
			.callMethod(Catalogue.class, "get", String.class)
			.orShould()
			.callMethod(Catalogue.class, "find", String.class)
			.check(classes);
	}

	/**
	 * The CSV import reaches the modules through the platform's generic surfaces (the
	 * catalogue, {@code RecordWriter}, {@code ImportProfile}); no module, the platform
	 * included, depends on it, so a module that offers import need not know it.
	 */
	@Test
	void nothingDependsOnTheImports() {
		noClasses().that()
			.resideOutsideOfPackage("org.potentia.imports..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.potentia.imports..")
			.check(classes);
	}

	@Test
	void entitiesAreNeverBoundToARequest() {
		methods().that()
			.areDeclaredInClassesThat()
			.areAnnotatedWith(Controller.class)
			.or()
			.areDeclaredInClassesThat()
			.areAnnotatedWith(RestController.class)
			.should(notTakeEntities())
			.check(classes);
	}

	@Test
	void entitiesStayInTheirModulesRootPackage() {
		classes().that()
			.areAnnotatedWith(Entity.class)
			.should()
			.resideOutsideOfPackages("..web..", "..api..")
			.check(classes);
	}

	private static ArchCondition<JavaMethod> notTakeEntities() {
		DescribedPredicate<JavaParameter> entity = DescribedPredicate.describe("an entity",
				(parameter) -> parameter.getRawType().isAnnotatedWith(Entity.class));
		return new ArchCondition<>("take no entity as a parameter (request body, form or path binding)") {

			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				for (JavaParameter parameter : method.getParameters()) {
					if (entity.test(parameter)) {
						events.add(SimpleConditionEvent.violated(method,
								method.getFullName() + " takes the entity " + parameter.getRawType().getName()));
					}
				}
			}

		};
	}

}
