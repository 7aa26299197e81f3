-- Drop "order_notes" table
DROP TABLE "order_notes";
