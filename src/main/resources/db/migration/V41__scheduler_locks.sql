-- ShedLock: a scheduled job runs on one node at a time, whatever the number of nodes.
CREATE TABLE shedlock (
	name VARCHAR(64) NOT NULL,
	lock_until TIMESTAMPTZ NOT NULL,
	locked_at TIMESTAMPTZ NOT NULL,
	locked_by VARCHAR(255) NOT NULL,
	CONSTRAINT shedlock_pk PRIMARY KEY (name)
);
