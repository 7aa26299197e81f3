CREATE TABLE contact_tags (
    contact_id bigint NOT NULL REFERENCES contacts (id),
    tag_id bigint NOT NULL REFERENCES tags (id),
    PRIMARY KEY (contact_id, tag_id)
);
CREATE INDEX contact_tags_tag_idx ON contact_tags (tag_id);
