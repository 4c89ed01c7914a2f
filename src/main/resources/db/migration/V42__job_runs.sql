-- One row per run of a scheduled job: which node ran it and when. Lets operators (and the
-- two-node test) see that a locked job ran once per slot, not once per node.
CREATE TABLE job_run (
	id BIGSERIAL PRIMARY KEY,
	job_name VARCHAR(64) NOT NULL,
	node VARCHAR(255) NOT NULL,
	started_at TIMESTAMPTZ NOT NULL,
	expired_sessions_seen INT NOT NULL CHECK (expired_sessions_seen >= 0)
);

CREATE INDEX job_run_started_at_ix ON job_run (job_name, started_at);
