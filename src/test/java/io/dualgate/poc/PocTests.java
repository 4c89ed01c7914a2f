package io.dualgate.poc;

import java.time.Clock;
import java.time.LocalDate;

import io.dualgate.IntegrationTest;
import io.dualgate.metrics.MetricReading;
import io.dualgate.metrics.MetricReadings;
import io.dualgate.portfolio.Portfolio;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PocTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MetricReadings readings;

	@Autowired
	Portfolio portfolio;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private long pocs(String key) {
		return this.jdbc.sql("select count(*) from poc where prototype_id = ?")
			.param(this.portfolio.get(key).id())
			.query(Long.class)
			.single();
	}

	private MockHttpServletRequestBuilder newPoc(String key, String start, String end, String wtp, String sovereignty,
			String link) {
		return post("/prototypes/{key}/pocs/new", key).with(csrf())
			.param("customer", "Globex Corporation")
			.param("startDate", start)
			.param("endDate", end)
			.param("successCriteria", "Answers 80% of tier-1 tickets")
			.param("willingnessToPayUsdPerYear", wtp)
			.param("sovereigntyStatus", sovereignty)
			.param("sovereigntyLink", link)
			.param("status", "PLANNED")
			.param("outcomeNotes", "");
	}

	@Test
	@WithUserDetails("deliverer")
	void savingAPocWithWillingnessToPayRecordsItAsEvidenceAndAudits() throws Exception {
		long before = pocs("SUPPORT-DRAFTS");
		LocalDate today = LocalDate.now(this.clock);
		this.mvc
			.perform(newPoc("SUPPORT-DRAFTS", today.toString(), today.plusWeeks(6).toString(), "30000", "SIGNED",
					"https://contracts.example.com/globex.pdf"))
			.andExpect(status().is3xxRedirection());

		assertThat(pocs("SUPPORT-DRAFTS")).isEqualTo(before + 1);
		MetricReading reading = this.readings
			.latest(this.portfolio.get("SUPPORT-DRAFTS").id(), "willingness_to_pay_usd")
			.orElseThrow();
		assertThat(reading.value()).isEqualByComparingTo("30000");
		assertThat(reading.source()).isEqualTo("POC");
		assertThat(reading.date()).isEqualTo(today);
		long created = this.jdbc
			.sql("select max(p.id) from poc p join prototype t on t.id = p.prototype_id where t.key = 'SUPPORT-DRAFTS'")
			.query(Long.class)
			.single();
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action = 'POC_CREATED' and actor = 'deliverer'"
					+ " and entity_type = 'poc' and entity_id = ?")
			.param(String.valueOf(created))
			.query(Long.class)
			.single()).isOne();
		this.mvc.perform(get("/prototypes/SUPPORT-DRAFTS"))
			.andExpect(content().string(containsString("Globex Corporation")));
	}

	@Test
	@WithUserDetails("deliverer")
	void endBeforeStartAndSignedWithoutLinkAreRefusedNextToTheField() throws Exception {
		long before = pocs("SALES-COACH");
		this.mvc.perform(newPoc("SALES-COACH", "2026-03-10", "2026-03-01", "1000", "NONE", ""))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "endDateValid"))
			.andExpect(content().string(containsString("The end date must not be before the start date.")));
		this.mvc.perform(newPoc("SALES-COACH", "2026-03-01", "2026-03-10", "1000", "SIGNED", ""))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "sovereigntyLinkValid"));
		this.mvc.perform(newPoc("SALES-COACH", "2026-03-01", "2026-03-10", "-5", "NONE", ""))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "willingnessToPayUsdPerYear"));
		assertThat(pocs("SALES-COACH")).isEqualTo(before);
	}

	@Test
	@WithUserDetails("deliverer")
	void newAndEditFormsRender() throws Exception {
		this.mvc.perform(get("/prototypes/CONTRACT-RISK/pocs/new"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Data-sovereignty agreement")));
		long id = this.jdbc.sql("select min(id) from poc where prototype_id = ?")
			.param(this.portfolio.get("CONTRACT-RISK").id())
			.query(Long.class)
			.single();
		this.mvc.perform(get("/prototypes/CONTRACT-RISK/pocs/{id}/edit", id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Northwind Legal LLP")));
	}

	@Test
	@WithUserDetails("explorer")
	void onlyTheDeliveryPmOrAnAdminEditsPocs() throws Exception {
		this.mvc.perform(newPoc("SALES-COACH", "2026-03-01", "2026-03-10", "1000", "NONE", ""))
			.andExpect(status().isForbidden());
	}

}
