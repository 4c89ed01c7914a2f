package io.dualgate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.ElementsWithoutRelationships;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the feature modules honest: no cycles, no reaching into another module's
 * internals.
 */
class ModularityTests {

	private static final String DOCS = "target/spring-modulith-docs";

	private final ApplicationModules modules = ApplicationModules.of(DualGateApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	/**
	 * docs/architecture.md lists each module with the dependencies its package-info
	 * declares, so the documented graph is the verified one.
	 */
	@Test
	void theArchitectureDocumentListsTheDeclaredDependencies() throws Exception {
		String architecture = Files.readString(Path.of("docs/architecture.md"));
		for (org.springframework.modulith.core.ApplicationModule module : this.modules) {
			String name = module.getIdentifier().toString();
			ApplicationModule declared = Class.forName(module.getBasePackage().getName() + ".package-info")
				.getAnnotation(ApplicationModule.class);
			// the annotation's default means "none declared" (the open shared kernel)
			List<String> allowed = Arrays.equals(declared.allowedDependencies(),
					(String[]) ApplicationModule.class.getMethod("allowedDependencies").getDefaultValue()) ? List.of()
							: List.of(declared.allowedDependencies());
			String row = "| `" + name + "` | " + (allowed.isEmpty() ? "none"
					: allowed.stream().map((d) -> "`" + d + "`").collect(Collectors.joining(", ")) + " |");
			assertThat(architecture).as("docs/architecture.md, section Module dependencies").contains(row);
		}
	}

	@Test
	void writesModuleDocumentation() throws IOException {
		// a module nothing depends on (ops) is drawn too
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder(DOCS))
			.writeModulesAsPlantUml(
					DiagramOptions.defaults().withElementsWithoutRelationships(ElementsWithoutRelationships.VISIBLE))
			.writeIndividualModulesAsPlantUml();
		// the diagram docs/architecture.md points to names every module
		Path diagram = Path.of(DOCS, "components.puml");
		String components = Files.readString(diagram);
		this.modules.forEach((module) -> assertThat(components).as("%s in %s", module.getDisplayName(), diagram)
			.contains(module.getDisplayName()));
	}

}
