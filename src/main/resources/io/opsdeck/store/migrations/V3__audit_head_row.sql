-- The audit head row exists from the start, so appenders (several agents on one PostgreSQL) can lock it
-- with SELECT ... FOR UPDATE; last_id 0 and the genesis hash mean "no record yet".
INSERT INTO audit_head (name, last_id, hash)
SELECT 'audit', 0, '0000000000000000000000000000000000000000000000000000000000000000'
WHERE NOT EXISTS (SELECT 1 FROM audit_head WHERE name = 'audit');
