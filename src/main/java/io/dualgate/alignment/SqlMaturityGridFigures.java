package io.dualgate.alignment;

import java.sql.Date;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The maturity grid from each prototype's latest assessment (by day, then by entry order,
 * as the maturity module reads "current") up to the window's end: one index probe per
 * prototype.
 */
@Repository
class SqlMaturityGridFigures implements MaturityGridFigures {

	private final JdbcClient jdbc;

	SqlMaturityGridFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<MaturityGrid> compute(AlignmentFilter filter) {
		MaturityGrid grid = this.jdbc.sql("""
				select count(*) as assessed,
				       count(*) filter (where a.technical_level = 1), count(*) filter (where a.technical_level = 2),
				       count(*) filter (where a.technical_level = 3),
				       count(*) filter (where a.value_level = 1), count(*) filter (where a.value_level = 2),
				       count(*) filter (where a.value_level = 3),
				       count(*) filter (where a.compliance_level = 1), count(*) filter (where a.compliance_level = 2),
				       count(*) filter (where a.compliance_level = 3)
				from prototype p
				cross join lateral (
				    select m.technical_level, m.value_level, m.compliance_level from maturity_assessment m
				    where m.prototype_id = p.id and m.assessed_on <= :toDay
				    order by m.assessed_on desc, m.id desc limit 1) a
				where (cast(:vertical as varchar) is null or p.vertical = cast(:vertical as varchar))
				  and (cast(:stage as varchar) is null or p.stage = cast(:stage as varchar))""")
			.param("toDay", Date.valueOf(filter.to()))
			.param("vertical", filter.vertical())
			.param("stage", (filter.stage() != null) ? filter.stage().name() : null)
			.query((rs, i) -> {
				long[][] counts = new long[3][3];
				for (int dimension = 0; dimension < 3; dimension++) {
					for (int level = 0; level < 3; level++) {
						counts[dimension][level] = rs.getLong(2 + dimension * 3 + level);
					}
				}
				return new MaturityGrid(counts, rs.getLong(1));
			})
			.single();
		return (grid.assessed() > 0) ? Optional.of(grid) : Optional.empty();
	}

}
