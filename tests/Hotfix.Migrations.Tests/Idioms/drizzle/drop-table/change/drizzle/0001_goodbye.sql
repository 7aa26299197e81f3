DROP TABLE `accounts`;
