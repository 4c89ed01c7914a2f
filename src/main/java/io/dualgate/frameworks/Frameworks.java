package io.dualgate.frameworks;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.dualgate.audit.AuditLog;
import io.dualgate.gate.checklist.FrameworkRef;
import io.dualgate.gate.template.FrameworkCatalogue;
import io.dualgate.shared.NotFoundException;
import io.dualgate.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The framework catalogue and which frameworks apply to the organisation. The catalogue
 * is data (migration V122): ids and short titles only. It answers the checklist
 * templates' question whether an item's reference names a control that exists.
 */
@Service
@Transactional(readOnly = true)
public class Frameworks implements FrameworkCatalogue {

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	/**
	 * The catalogue does not change while the application runs (it is migration data).
	 */
	private volatile Map<String, List<ControlView>> controls;

	Frameworks(JdbcClient jdbc, AuditLog auditLog, Clock clock) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	public List<FrameworkView> frameworks() {
		return this.jdbc.sql("""
				select f.key, f.name_en, f.name_zh, f.edition, f.applicable,
				       (select count(*) from framework_control c where c.framework_key = f.key) as controls
				from framework f order by f.position""")
			.query((rs, n) -> new FrameworkView(rs.getString("key"), rs.getString("name_en"), rs.getString("name_zh"),
					rs.getString("edition"), rs.getBoolean("applicable"), rs.getInt("controls")))
			.list();
	}

	/** The frameworks the organisation chose, in catalogue order. */
	public List<FrameworkView> applicable() {
		return frameworks().stream().filter(FrameworkView::applicable).toList();
	}

	public FrameworkView framework(String key) {
		return frameworks().stream()
			.filter((f) -> f.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("frameworks.notFound", key));
	}

	/** The controls of one framework, in the framework's order. */
	public List<ControlView> controls(String framework) {
		return catalogue().getOrDefault(framework, List.of());
	}

	public ControlView control(long id) {
		return catalogue().values()
			.stream()
			.flatMap(List::stream)
			.filter((c) -> c.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("framework.control.notFound", id));
	}

	@Override
	public boolean knows(FrameworkRef reference) {
		return controls(reference.framework()).stream().anyMatch((c) -> c.clause().equals(reference.clause()));
	}

	/**
	 * Sets which frameworks apply to the organisation (the others stay in the catalogue).
	 * @throws RuleViolationException for a key the catalogue does not have
	 */
	@Transactional
	public void choose(Collection<String> keys, long by) {
		Set<String> chosen = new TreeSet<>(keys);
		Set<String> known = frameworks().stream().map(FrameworkView::key).collect(Collectors.toSet());
		for (String key : chosen) {
			if (!known.contains(key)) {
				throw new RuleViolationException("frameworks.notFound", key.length() > 20 ? key.substring(0, 20) : key);
			}
		}
		Set<String> before = applicable().stream()
			.map(FrameworkView::key)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		if (before.equals(chosen)) {
			return;
		}
		this.jdbc
			.sql("""
					update framework set applicable = (key in (:keys)), applicable_changed_at = :at, applicable_changed_by = :by
					where applicable <> (key in (:keys))""")
			.param("keys", chosen.isEmpty() ? List.of("") : chosen)
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.param("by", by)
			.update();
		this.auditLog.record("FRAMEWORKS_CHOSEN", "framework", "applicable", String.join(", ", before),
				String.join(", ", chosen), null);
	}

	private Map<String, List<ControlView>> catalogue() {
		Map<String, List<ControlView>> loaded = this.controls;
		if (loaded == null) {
			loaded = this.jdbc.sql("""
					select c.id, c.framework_key, c.clause, c.group_key, c.group_en, c.group_zh, c.title_en, c.title_zh
					from framework_control c join framework f on f.key = c.framework_key
					order by f.position, c.position""")
				.query((rs, n) -> new ControlView(rs.getLong("id"), rs.getString("framework_key"),
						rs.getString("clause"), rs.getString("group_key"), rs.getString("group_en"),
						rs.getString("group_zh"), rs.getString("title_en"), rs.getString("title_zh")))
				.list()
				.stream()
				.collect(Collectors.groupingBy(ControlView::framework, java.util.LinkedHashMap::new,
						Collectors.toList()));
			this.controls = loaded;
		}
		return loaded;
	}

}
