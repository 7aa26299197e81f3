CREATE OR ALTER VIEW dbo.vw_OrderTotals
AS
SELECT CustomerId, COUNT(*) AS Orders, SUM(Total) AS Total
FROM dbo.Orders
GROUP BY CustomerId;
