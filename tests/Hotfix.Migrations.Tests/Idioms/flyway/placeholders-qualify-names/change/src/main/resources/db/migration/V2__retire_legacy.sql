ALTER TABLE ${schema}.orders DROP COLUMN legacy_ref;
ALTER TABLE ${schema}.orders ALTER COLUMN note TYPE varchar(500);
DROP TABLE ${flyway:defaultSchema}.order_items;
