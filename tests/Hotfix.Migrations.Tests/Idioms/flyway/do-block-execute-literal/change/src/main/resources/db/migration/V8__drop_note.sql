DO $migrate$
DECLARE
    existing integer;
BEGIN
    EXECUTE 'ALTER TABLE orders DROP COLUMN IF EXISTS note';
END
$migrate$;
