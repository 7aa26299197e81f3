DELETE FROM dbo.Sessions;
