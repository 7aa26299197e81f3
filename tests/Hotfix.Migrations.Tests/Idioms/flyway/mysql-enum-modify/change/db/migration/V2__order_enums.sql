ALTER TABLE orders MODIFY COLUMN status ENUM('pending','paid','cancelled') NOT NULL DEFAULT 'pending';
ALTER TABLE orders MODIFY COLUMN channel ENUM('web','phone','partner') NOT NULL DEFAULT 'web';
ALTER TABLE orders ADD COLUMN priority INT NOT NULL;
