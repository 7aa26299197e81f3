CREATE TYPE order_status AS ENUM ('pending', 'paid', 'cancelled');
CREATE TYPE legacy_channel AS ENUM ('phone', 'fax');
CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    status order_status NOT NULL DEFAULT 'pending',
    channel legacy_channel
);
