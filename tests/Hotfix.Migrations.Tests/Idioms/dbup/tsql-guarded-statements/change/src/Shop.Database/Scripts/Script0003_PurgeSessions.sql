-- Old sessions go in batches so the log stays small; then every remaining row of the scratch table.
DECLARE @batch INT = 5000;

WHILE 1 = 1
BEGIN
    DELETE TOP (@batch) FROM dbo.Sessions WHERE LastSeen < DATEADD(DAY, -90, SYSUTCDATETIME());
    IF @@ROWCOUNT < @batch BREAK;
END

WHILE EXISTS (SELECT 1 FROM dbo.ImportScratch)
BEGIN
    DELETE TOP (5000) FROM dbo.ImportScratch;
END
