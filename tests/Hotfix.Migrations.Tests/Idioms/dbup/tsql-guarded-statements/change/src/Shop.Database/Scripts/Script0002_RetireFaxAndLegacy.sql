SET XACT_ABORT ON;

BEGIN TRY
    BEGIN TRANSACTION;

    IF COL_LENGTH('dbo.Customers', 'Fax') IS NOT NULL
    BEGIN
        ALTER TABLE dbo.Customers DROP COLUMN Fax;
    END

    IF OBJECT_ID(N'dbo.CustomerAuditLegacy', N'U') IS NOT NULL
        DROP TABLE dbo.CustomerAuditLegacy;

    UPDATE dbo.Customers SET Name = LTRIM(RTRIM(Name));

    COMMIT TRANSACTION;
END TRY
BEGIN CATCH
    IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
    THROW;
END CATCH
