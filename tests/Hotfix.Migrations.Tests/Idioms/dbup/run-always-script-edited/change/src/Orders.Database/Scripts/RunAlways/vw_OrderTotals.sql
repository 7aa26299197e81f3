CREATE OR ALTER VIEW dbo.vw_OrderTotals
AS
SELECT CustomerId, COUNT(*) AS Orders, SUM(Total) AS Total, MAX(PlacedAt) AS LastOrderAt
FROM dbo.Orders
GROUP BY CustomerId;
