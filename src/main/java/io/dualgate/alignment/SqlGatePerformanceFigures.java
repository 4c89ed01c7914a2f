package io.dualgate.alignment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dualgate.alignment.GatePerformanceFigures.GatePerformance.DeliveryScore;
import io.dualgate.alignment.GatePerformanceFigures.GatePerformance.ExplorationScore;
import io.dualgate.alignment.GatePerformanceFigures.GatePerformance.OverdueGate;
import io.dualgate.alignment.GatePerformanceFigures.GatePerformance.Row;
import io.dualgate.alignment.GatePerformanceFigures.GatePerformance.Transition;
import io.dualgate.gate.GateProperties;
import io.dualgate.portfolio.Stage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Gate figures straight from the gate tables: percentiles, shares and scorecards are
 * computed by PostgreSQL. Gates count in the month they were opened (so a month's figures
 * do not change meaning as its gates get decided later, they only fill in).
 */
@Repository
class SqlGatePerformanceFigures implements GatePerformanceFigures {

	static final String GATE = "GATE";

	/** The stages a gate can leave, each with its configured SLA as a parameter. */
	private static final List<Stage> FROM_STAGES = List.of(Stage.PROTOTYPE, Stage.POC, Stage.PILOT);

	/**
	 * Gates opened in the window on prototypes of the filter, each with the configured
	 * SLA of its transition.
	 */
	private static final String GATES = """
			with g as (
			    select g.id, g.prototype_id, g.opened_at, g.decided_at, g.from_stage, g.to_stage,
			           to_char(g.opened_at at time zone 'UTC', 'YYYY-MM') as month,
			           case g.from_stage when 'PROTOTYPE' then :slaPROTOTYPE when 'POC' then :slaPOC
			                             when 'PILOT' then :slaPILOT else :slaDefault end as sla
			    from gate g join prototype p on p.id = g.prototype_id
			    -- stage gates: an autonomy gate raises a capability, not a prototype's stage
			    where g.kind = 'STAGE' and g.opened_at >= :from and g.opened_at < :toExclusive
			      and (cast(:vertical as varchar) is null or p.vertical = cast(:vertical as varchar))
			      and (cast(:stage as varchar) is null or p.stage = cast(:stage as varchar)))
			""";

	private final JdbcClient jdbc;

	private final GateProperties sla;

	SqlGatePerformanceFigures(JdbcClient jdbc, GateProperties sla) {
		this.jdbc = jdbc;
		this.sla = sla;
	}

	@Override
	public Optional<GatePerformance> compute(AlignmentFilter filter, Instant now) {
		List<Row> all = bind(GATES + """
				, durations as (
				    select month, 'GATE' as track, sla, extract(epoch from decided_at - opened_at) / 3600.0 as hours
				    from g where decided_at is not null
				    union all
				    select g.month, s.track, g.sla, extract(epoch from s.signed_at - g.opened_at) / 3600.0
				    from g join gate_signature s on s.gate_id = g.id and s.valid)
				select month, track, count(*) as n,
				       percentile_cont(0.5) within group (order by hours) as median,
				       percentile_cont(0.9) within group (order by hours) as p90,
				       100.0 * count(*) filter (where hours <= sla) / count(*) as within_target,
				       100.0 * count(*) filter (where hours <= :late) / count(*) as within_late
				from durations
				group by grouping sets ((track), (month, track))
				order by month nulls first, track""", filter).param("late", BEFORE_DUAL_TRACK_HOURS)
			.query((rs, i) -> new Row(rs.getString("month"), rs.getString("track"), rs.getLong("n"),
					nullable(rs, "median"), nullable(rs, "p90"), nullable(rs, "within_target"),
					nullable(rs, "within_late")))
			.list();
		long opened = bind(GATES + "select count(*) from g", filter).query(Long.class).single();
		List<OverdueGate> overdue = overdue(filter, now);
		if (opened == 0 && overdue.isEmpty()) {
			return Optional.empty();
		}
		Row gate = all.stream()
			.filter((row) -> row.month() == null && GATE.equals(row.track()))
			.findFirst()
			.orElse(new Row(null, GATE, 0, null, null, null, null));
		List<Row> tracks = all.stream().filter((row) -> row.month() == null && !GATE.equals(row.track())).toList();
		String bottleneck = tracks.stream()
			.filter((row) -> row.medianHours() != null)
			.max(Comparator.comparingDouble(Row::medianHours))
			.map(Row::track)
			.orElse(null);
		List<Row> rows = all.stream().filter((row) -> row.month() != null).toList();
		return Optional.of(new GatePerformance(gate.n(), gate.medianHours(), gate.p90Hours(), gate.withinSlaPct(),
				gate.within72hPct(), overdue.size(), this.sla.defaultSlaHours(), transitions(filter), tracks,
				bottleneck, rows, overdue, explorationPms(filter), deliveryPms(filter)));
	}

	/** Every transition with its configured SLA, and the decided gates against it. */
	private List<Transition> transitions(AlignmentFilter filter) {
		Map<String, Transition> measured = new HashMap<>();
		bind(GATES + """
				select from_stage, to_stage, sla, count(*) as n,
				       percentile_cont(0.5) within group (order by extract(epoch from decided_at - opened_at)) / 3600.0
				           as median,
				       100.0 * count(*) filter (where decided_at - opened_at <= sla * interval '1 hour') / count(*)
				           as within_sla
				from g where decided_at is not null
				group by from_stage, to_stage, sla""", filter)
			.query((rs, i) -> new Transition(rs.getString("from_stage"), rs.getString("to_stage"), rs.getInt("sla"),
					rs.getLong("n"), nullable(rs, "median"), nullable(rs, "within_sla")))
			.list()
			.forEach((row) -> measured.put(row.fromStage(), row));
		List<Transition> transitions = new ArrayList<>();
		for (Stage from : FROM_STAGES) {
			Stage to = from.next().orElseThrow();
			transitions.add(measured.getOrDefault(from.name(),
					new Transition(from.name(), to.name(), this.sla.slaHoursFor(from), 0, null, null)));
		}
		return transitions;
	}

	/** Open gates past their SLA now, whenever they were opened. */
	private List<OverdueGate> overdue(AlignmentFilter filter, Instant now) {
		return this.jdbc.sql("""
				select g.id, p.key, g.from_stage, g.to_stage, g.opened_at,
				       g.opened_at + g.sla_hours * interval '1 hour' as due_at,
				       extract(epoch from cast(:now as timestamptz) - g.opened_at) / 3600.0 as hours_open
				from gate g join prototype p on p.id = g.prototype_id
				where g.status = 'OPEN' and g.kind = 'STAGE'
				  and g.opened_at + g.sla_hours * interval '1 hour' < cast(:now as timestamptz)
				  and (cast(:vertical as varchar) is null or p.vertical = cast(:vertical as varchar))
				  and (cast(:stage as varchar) is null or p.stage = cast(:stage as varchar))
				order by due_at, g.id""")
			.param("now", Timestamp.from(now))
			.param("vertical", filter.vertical())
			.param("stage", (filter.stage() != null) ? filter.stage().name() : null)
			.query((rs, i) -> new OverdueGate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getDouble(7)))
			.list();
	}

	/**
	 * Robustness: among the technical tracks of the PM's gates that were signed at least
	 * once, the share approved by a still-valid signature and never invalidated (no
	 * rework after sign-off).
	 */
	private List<ExplorationScore> explorationPms(AlignmentFilter filter) {
		return bind(
				GATES + """
						, technical as (
						    select g.id, bool_or(s.valid and s.meaning = 'APPROVE') as approved, bool_or(not s.valid) as invalidated
						    from g join gate_signature s on s.gate_id = g.id and s.track = 'TECHNICAL'
						    group by g.id)
						select p.exploration_pm_id, u.full_name, count(*) as signed,
						       count(*) filter (where t.approved and not t.invalidated) as robust
						from technical t join gate gt on gt.id = t.id join prototype p on p.id = gt.prototype_id
						join app_user u on u.id = p.exploration_pm_id
						group by p.exploration_pm_id, u.full_name
						order by u.full_name, p.exploration_pm_id""",
				filter)
			.query((rs, i) -> {
				long signed = rs.getLong("signed");
				long robust = rs.getLong("robust");
				return new ExplorationScore(rs.getLong(1), rs.getString(2), signed, robust,
						(signed > 0) ? 100.0 * robust / signed : null);
			})
			.list();
	}

	/**
	 * First-year renewal rate: per prototype the latest {@code renewal_rate_pct} in the
	 * window (one index probe each), averaged per Delivery PM.
	 */
	private List<DeliveryScore> deliveryPms(AlignmentFilter filter) {
		return this.jdbc.sql("""
				select p.delivery_pm_id, u.full_name, count(*) as prototypes, avg(latest.value)::float8 as rate
				from prototype p
				join app_user u on u.id = p.delivery_pm_id
				cross join lateral (
				    select o.value from observation o
				    where o.prototype_id = p.id and o.metric_key = 'renewal_rate_pct'
				      and o.observed_on between :fromDay and :toDay
				    order by o.observed_on desc limit 1) latest
				where (cast(:vertical as varchar) is null or p.vertical = cast(:vertical as varchar))
				  and (cast(:stage as varchar) is null or p.stage = cast(:stage as varchar))
				group by p.delivery_pm_id, u.full_name
				order by u.full_name, p.delivery_pm_id""")
			.param("fromDay", java.sql.Date.valueOf(filter.from()))
			.param("toDay", java.sql.Date.valueOf(filter.to()))
			.param("vertical", filter.vertical())
			.param("stage", (filter.stage() != null) ? filter.stage().name() : null)
			.query((rs, i) -> new DeliveryScore(rs.getLong(1), rs.getString(2), rs.getLong(3), nullable(rs, "rate")))
			.list();
	}

	private JdbcClient.StatementSpec bind(String sql, AlignmentFilter filter) {
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql);
		for (Stage from : FROM_STAGES) {
			statement = statement.param("sla" + from.name(), this.sla.slaHoursFor(from));
		}
		return statement.param("slaDefault", this.sla.defaultSlaHours())
			.param("from", Timestamp.from(filter.from().atStartOfDay().toInstant(ZoneOffset.UTC)))
			.param("toExclusive",
					Timestamp.from(filter.to().plusDays(1).atTime(LocalTime.MIDNIGHT).toInstant(ZoneOffset.UTC)))
			.param("vertical", filter.vertical())
			.param("stage", (filter.stage() != null) ? filter.stage().name() : null);
	}

	private static Double nullable(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

}
