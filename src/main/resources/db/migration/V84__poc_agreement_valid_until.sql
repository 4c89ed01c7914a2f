-- A POC's data-sovereignty agreement may be valid until a date; expired_on records that its
-- expiry was acted on (the gate item citing it fails, its owner is told).
alter table poc add column sovereignty_valid_until date;
alter table poc add column sovereignty_expired_on date;
