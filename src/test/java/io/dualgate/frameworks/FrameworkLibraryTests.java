package io.dualgate.frameworks;

import java.util.List;
import java.util.Set;

import io.dualgate.IntegrationTest;
import io.dualgate.gate.GateFixtures;
import io.dualgate.gate.Track;
import io.dualgate.gate.checklist.ItemSpec;
import io.dualgate.gate.template.ChecklistTemplate;
import io.dualgate.gate.template.ChecklistTemplates;
import io.dualgate.people.ApiTokens;
import io.dualgate.portfolio.Stage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The framework library: the catalogue, the admin's choice of applicable frameworks, and
 * starter checklists that are valid, bilingual and cite only controls the catalogue has,
 * adopted as they are or copied into the editor.
 */
@IntegrationTest
@Import(GateFixtures.class)
class FrameworkLibraryTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	GateFixtures fixtures;

	@Autowired
	Frameworks frameworks;

	@Autowired
	FrameworkLibrary library;

	@Autowired
	ChecklistTemplates templates;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCatalogueHasTheThreeFrameworksByIdAndShortTitle() throws Exception {
		assertThat(this.frameworks.frameworks()).extracting(FrameworkView::key)
			.containsExactly("ISO42001", "EUAIACT", "NISTAIRMF");
		assertThat(this.frameworks.controls("ISO42001")).hasSize(38)
			.anySatisfy((c) -> assertThat(c.clause()).isEqualTo("A.6.2.4"));
		assertThat(this.frameworks.controls("EUAIACT")).extracting(ControlView::clause)
			.containsExactly("Art. 9", "Art. 10", "Art. 11", "Art. 12", "Art. 13", "Art. 14", "Art. 15", "Art. 17");
		assertThat(this.frameworks.controls("NISTAIRMF")).hasSize(72)
			.extracting(ControlView::groupKey)
			.containsOnly("GOVERN", "MAP", "MEASURE", "MANAGE");
		assertThat(this.frameworks.knows(new io.dualgate.gate.checklist.FrameworkRef("NISTAIRMF", "MEASURE 2.5")))
			.isTrue();
		assertThat(this.frameworks.knows(new io.dualgate.gate.checklist.FrameworkRef("ISO42001", "A.6.2.9"))).isFalse();
		String page = this.mvc.get()
			.uri("/frameworks")
			.locale(java.util.Locale.SIMPLIFIED_CHINESE)
			.with(user(this.fixtures.login("executive")))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("验证与确认", "人工监督", "欧盟人工智能法案：高风险人工智能系统的要求");
	}

	@Test
	void everyLibraryTemplateIsValidBilingualAndCitesOnlyKnownControls() {
		List<LibraryTemplate> all = this.library.templates();
		assertThat(all).hasSize(6)
			.extracting((t) -> t.fromStage() + " " + t.track())
			.containsExactly("PROTOTYPE TECHNICAL", "PROTOTYPE COMMERCIAL", "POC TECHNICAL", "POC COMMERCIAL",
					"PILOT TECHNICAL", "PILOT COMMERCIAL");
		for (LibraryTemplate template : all) {
			assertThat(template.items()).allSatisfy((item) -> {
				assertThat(item.labelZh()).as("Chinese text of %s/%s", template.key(), item.code()).isNotBlank();
				assertThat(item.helpEn()).as("help of %s/%s", template.key(), item.code()).isNotBlank();
				assertThat(item.helpZh()).as("Chinese help of %s/%s", template.key(), item.code()).isNotBlank();
				assertThat(item.references()).as("references of %s/%s", template.key(), item.code())
					.isNotEmpty()
					.allSatisfy(
							(ref) -> assertThat(this.frameworks.knows(ref)).as("%s is in the catalogue", ref).isTrue());
			});
			// Every stock item of the transition is there (same code and kind), so
			// evidence pipelines and metric bindings keep working after adopting it.
			ChecklistTemplate stock = this.jdbc
				.sql("select id from checklist_template where from_stage = ? and track = ? and version = 1")
				.params(template.fromStage().name(), template.track().name())
				.query(Long.class)
				.optional()
				.map(this.templates::get)
				.orElseThrow();
			assertThat(template.items()).extracting(ItemSpec::code)
				.containsAll(stock.specs().stream().map(ItemSpec::code).toList());
		}
		// All three frameworks and all the EU AI Act articles are cited somewhere.
		assertThat(all.stream().flatMap((t) -> t.frameworks().stream())).contains("ISO42001", "EUAIACT", "NISTAIRMF");
		assertThat(all.stream()
			.flatMap((t) -> t.items().stream())
			.flatMap((i) -> i.references().stream())
			.filter((r) -> r.framework().equals("EUAIACT"))
			.map((r) -> r.clause()))
			.containsAll(Set.of("Art. 9", "Art. 10", "Art. 11", "Art. 12", "Art. 13", "Art. 14", "Art. 15", "Art. 17"));
	}

	@Test
	void anAdminChoosesFrameworksAndAdoptsOrCopiesALibraryTemplate() throws Exception {
		assertThat(this.mvc.post()
			.uri("/admin/frameworks")
			.param("applicable", "ISO42001", "EUAIACT")
			.with(user(this.fixtures.login("admin")))
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(this.frameworks.applicable()).extracting(FrameworkView::key).containsExactly("ISO42001", "EUAIACT");
		assertThat(this.jdbc
			.sql("select new_value from audit_event where action = 'FRAMEWORKS_CHOSEN' order by seq desc limit 1")
			.query(String.class)
			.single()).as("stored as canonical JSON").isEqualTo("\"EUAIACT, ISO42001\"");

		ChecklistTemplate before = this.templates.current(Stage.POC, Track.COMMERCIAL).orElseThrow();
		assertThat(this.mvc.post()
			.uri("/admin/frameworks/library/poc-pilot-commercial/adopt")
			.with(user(this.fixtures.login("admin")))
			.with(csrf())).hasStatus3xxRedirection();
		ChecklistTemplate adopted = this.templates.current(Stage.POC, Track.COMMERCIAL).orElseThrow();
		assertThat(adopted.getVersion()).isEqualTo(before.getVersion() + 1);
		assertThat(adopted.specs()).extracting(ItemSpec::code).contains("deployer_instructions", "supplier_review");

		// Copy and edit: the editor opens filled with the library template, on top of
		// the latest version.
		String editor = this.mvc.get()
			.uri("/admin/templates/{id}?draft=poc-pilot-technical",
					this.templates.current(Stage.POC, Track.TECHNICAL).orElseThrow().getId())
			.with(user(this.fixtures.login("admin")))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(editor).contains("adversarial_testing", "已进行对抗与提示注入测试", "EUAIACT:Art. 15", "draft-notice");

		// Nobody else chooses frameworks or adopts templates.
		assertThat(this.mvc.post()
			.uri("/admin/frameworks")
			.param("applicable", "NISTAIRMF")
			.with(user(this.fixtures.login("deliverer")))
			.with(csrf())).hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/admin/frameworks/library/poc-pilot-commercial/adopt")
			.with(user(this.fixtures.login("explorer")))
			.with(csrf())).hasStatus(403);
		assertThat(this.mvc.put()
			.uri("/api/v1/frameworks/applicable")
			.header(HttpHeaders.AUTHORIZATION, token("executive"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("[\"NISTAIRMF\"]")).hasStatus(403);
		assertThat(this.frameworks.applicable()).extracting(FrameworkView::key).containsExactly("ISO42001", "EUAIACT");
		// An unknown framework is refused by name.
		assertThat(this.mvc.put()
			.uri("/api/v1/frameworks/applicable")
			.header(HttpHeaders.AUTHORIZATION, token("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("[\"ISO42001\", \"SOC2\"]")).hasStatus(422).bodyText().contains("SOC2");
	}

	private String token(String username) {
		return "Bearer " + this.tokens.create(this.fixtures.userId(username), "test " + System.nanoTime());
	}

}
