DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'legacy_orders') THEN
        DROP TABLE legacy_orders;
    END IF;
END
$$;
