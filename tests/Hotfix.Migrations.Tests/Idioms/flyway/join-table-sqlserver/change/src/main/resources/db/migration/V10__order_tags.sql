CREATE TABLE order_tags (
    order_id bigint NOT NULL REFERENCES orders (id),
    tag_id bigint NOT NULL,
    CONSTRAINT pk_order_tags PRIMARY KEY (order_id, tag_id),
    CONSTRAINT fk_order_tags_tag FOREIGN KEY (tag_id) REFERENCES tags (id)
);
