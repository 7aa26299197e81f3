CREATE TABLE orders (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    status ENUM('pending','paid','shipped','cancelled') NOT NULL DEFAULT 'pending',
    channel ENUM('web','phone') NOT NULL DEFAULT 'web'
) ENGINE=InnoDB;
