package io.dualgate.learning.autonomy;

import java.math.BigDecimal;
import java.util.List;

import io.dualgate.learning.Json;
import io.dualgate.learning.LearningAccess;
import io.dualgate.learning.LearningApi;
import io.dualgate.people.AuthenticatedUser;
import io.dualgate.portfolio.PrototypeView;
import io.dualgate.shared.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The autonomy ladder for programs: the current level of every capability (fast, with an
 * ETag, so the AI system can ask before each action and be told "not modified"), the stop
 * button, and the ladder's lower bounds.
 */
@RestController
class AutonomyApiController extends LearningApi {

	private final LearningAccess access;

	private final Autonomy autonomy;

	private final JdbcClient jdbc;

	AutonomyApiController(LearningAccess access, Autonomy autonomy, JdbcClient jdbc, MessageSource messages) {
		super(messages);
		this.access = access;
		this.autonomy = autonomy;
		this.jdbc = jdbc;
	}

	/**
	 * {@code {"prototype": "CONTRACT-RISK", "capabilities": [{"capability":
	 * "clause_extraction", "level": "ACT", "since": "…", "mayDraft": true, "mayAct":
	 * true}]}}, with {@code ETag}; {@code If-None-Match} with the same tag answers 304.
	 */
	@GetMapping("/api/v1/prototypes/{key}/autonomy")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<AutonomyState> state(@PathVariable String key, @AuthenticationPrincipal AuthenticatedUser me,
			HttpServletRequest request) {
		PrototypeView prototype = this.access.readable(key, me);
		List<AutonomyState.Entry> entries = this.jdbc.sql("""
				select key, name, level, level_changed_at, id, version from capability
				where prototype_id = ? order by key""").param(prototype.id()).query((rs, n) -> {
			AutonomyLevel level = AutonomyLevel.valueOf(rs.getString(3));
			return new AutonomyState.Entry(rs.getString(1), rs.getString(2), level, rs.getTimestamp(4).toInstant(),
					level != AutonomyLevel.SUGGEST, level == AutonomyLevel.ACT);
		}).list();
		StringBuilder canonical = new StringBuilder(prototype.key());
		entries.forEach((e) -> canonical.append('|')
			.append(e.capability())
			.append('=')
			.append(e.level())
			.append('@')
			.append(e.since().toEpochMilli()));
		String etag = "\"" + Sha256.hex(canonical.toString()).substring(0, 32) + "\"";
		CacheControl cache = CacheControl.noCache().cachePrivate();
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
		}
		return ResponseEntity.ok()
			.eTag(etag)
			.cacheControl(cache)
			.body(new AutonomyState(prototype.key(), etag, entries));
	}

	/**
	 * The stop button: {@code {"reason": "…", "level": "SUGGEST"}} ({@code level}
	 * optional: one step down by default).
	 */
	@PostMapping("/api/v1/prototypes/{key}/capabilities/{capability}/lower")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	ResponseEntity<LevelChangeView> lower(@PathVariable String key, @PathVariable String capability,
			@AuthenticationPrincipal AuthenticatedUser me, HttpServletRequest request) {
		this.access.writable(key, me);
		JsonNode body = jsonObject(request, 16 * 1024);
		LevelChangeView change = this.autonomy.lower(key, capability, Json.text(body, "level", "level", 30),
				Json.text(body, "reason", "reason", Autonomy.MAX_REASON), me);
		return ResponseEntity.status(HttpStatus.CREATED).body(change);
	}

	/**
	 * The ladder's lower bounds: {@code {"windowCases": 50, "draftBelowPct": 80,
	 * "actBelowPct": 90}}; each must sit below the rate that raises a capability to its
	 * level (422 naming the field otherwise).
	 */
	@PutMapping("/api/v1/prototypes/{key}/capabilities/{capability}/policy")
	@PreAuthorize("hasAnyRole('EXPLORATION_PM', 'DELIVERY_PM', 'ADMIN')")
	CapabilityView policy(@PathVariable String key, @PathVariable String capability,
			@AuthenticationPrincipal AuthenticatedUser me, HttpServletRequest request) {
		this.access.writable(key, me);
		JsonNode body = jsonObject(request, 16 * 1024);
		BigDecimal window = Json.requiredDecimal(body, "windowCases", "windowCases");
		DemotionPolicy policy = new DemotionPolicy(
				Json.integer(window, "windowCases", DemotionPolicy.MIN_WINDOW, DemotionPolicy.MAX_WINDOW),
				Json.requiredDecimal(body, "draftBelowPct", "draftBelowPct"),
				Json.requiredDecimal(body, "actBelowPct", "actBelowPct"));
		return this.autonomy.setPolicy(key, capability, policy, me);
	}

}
