using Hotfix.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Verify = Hotfix.Analyzers.Tests.Infrastructure.AnalyzerTest<Hotfix.Analyzers.Rules.SqlInjectionAnalyzer>;

namespace Hotfix.Analyzers.Tests.Rules;

public class SqlInjectionTests
{
    private static Task Expect(string body, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        Verify.VerifyAsync(Sources.Ef + "class C\n{\n" + body + "\n}\n", expected);

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult At(int location, string api, string piece) =>
        Verify.Diagnostic("HF3001").WithLocation(location).WithArguments(api, piece, "");

    // ---- true positives ------------------------------------------------------------------------------------------

    [Fact]
    public Task A_data_sources_command_and_a_batch_commands_constructor_take_sql() => Verify.VerifyAsync(Sources.Ef + """
        public sealed class AuditBatchCommand : DbBatchCommand
        {
            public AuditBatchCommand(string commandText) => CommandText = commandText;
            public override string CommandText { get; set; } = "";
            public override CommandType CommandType { get; set; }
            public override int RecordsAffected => 0;
            protected override DbParameterCollection DbParameterCollection => throw new NotSupportedException();
        }

        class C
        {
            async Task Run(DbDataSource source, string email)
            {
                await using var found = source.{|#0:CreateCommand|}($"SELECT id FROM users WHERE email = '{email}'");
                await using var safe = source.CreateCommand("SELECT id FROM users WHERE email = @email");
                await using var empty = source.CreateCommand();
                var batch = new {|#1:AuditBatchCommand|}("UPDATE users SET seen = now() WHERE email = '" + email + "'");
                var fine = new AuditBatchCommand("UPDATE users SET seen = now() WHERE email = @email");
            }
        }
        """, At(0, "CreateCommand", "email"), At(1, "new AuditBatchCommand", "email"));

    [Fact]
    public Task Interpolated_value_into_FromSqlRaw() => Expect("""
        IQueryable<User> Find(Shop db, string name) =>
            db.Users.{|#0:FromSqlRaw|}($"SELECT * FROM Users WHERE Name = '{name}'");
        """, At(0, "FromSqlRaw", "name"));

    [Fact]
    public Task Concatenation_into_ExecuteSqlRaw() => Expect("""
        int Delete(Shop db, string id) => db.Database.{|#0:ExecuteSqlRaw|}("DELETE FROM Users WHERE Id = " + id);
        """, At(0, "ExecuteSqlRaw", "id"));

    [Fact]
    public Task String_format_into_ExecuteSqlRawAsync() => Expect("""
        Task<int> Rename(Shop db, string name) =>
            db.Database.{|#0:ExecuteSqlRawAsync|}(string.Format("UPDATE Users SET Name = '{0}'", name));
        """, At(0, "ExecuteSqlRawAsync", "name"));

    [Fact]
    public Task String_concat_into_SqlQueryRaw() => Expect("""
        IQueryable<int> Ids(Shop db, string table) => db.Database.{|#0:SqlQueryRaw<int>|}(string.Concat("SELECT Id FROM ", table));
        """, At(0, "SqlQueryRaw", "table"));

    [Fact]
    public Task The_message_names_what_reaches_the_sink_after_a_reassignment() => Expect("""
        IQueryable<User> Find(Shop db, string name, string tenant)
        {
            var sql = "SELECT * FROM Users WHERE Name = '" + name + "'";
            sql = "SELECT * FROM Users WHERE Tenant = '" + tenant + "'";
            return db.Users.{|#0:FromSqlRaw|}(sql);
        }
        """, At(0, "FromSqlRaw", "tenant"));

    [Fact]
    public Task A_constant_reassignment_before_the_sink_leaves_nothing_to_report() => Expect("""
        IQueryable<User> Find(Shop db, string name)
        {
            var sql = "SELECT * FROM Users WHERE Name = '" + name + "'";
            sql = "SELECT * FROM Users";
            return db.Users.FromSqlRaw(sql);
        }
        """);

    [Fact]
    public Task A_reassignment_in_a_branch_does_not_hide_the_other_path() => Expect("""
        IQueryable<User> Find(Shop db, string name, bool all)
        {
            var sql = "SELECT * FROM Users WHERE Name = '" + name + "'";
            if (all)
            {
                sql = "SELECT * FROM Users";
            }

            return db.Users.{|#0:FromSqlRaw|}(sql);
        }
        """, At(0, "FromSqlRaw", "name"));

    [Fact]
    public Task A_reassignment_that_reads_the_local_keeps_what_was_built_before() => Expect("""
        IQueryable<User> Find(Shop db, string name, string tenant)
        {
            var sql = "SELECT * FROM Users WHERE Name = '" + name + "'";
            sql = sql + " ORDER BY Id";
            var other = "SELECT * FROM Users WHERE 1 = 1";
            other = $"{other} AND Tenant = '{tenant}'";
            other = $"{other} ORDER BY Id";
            return db.Users.{|#0:FromSqlRaw|}(sql).Concat(db.Users.{|#1:FromSqlRaw|}(other));
        }
        """, At(0, "FromSqlRaw", "name"), At(1, "FromSqlRaw", "tenant"));

    [Fact]
    public Task A_write_after_the_sink_reaches_it_only_through_a_loop() => Expect("""
        void Run(Shop db, List<string> names, string name)
        {
            var sql = "SELECT * FROM Users";
            db.Users.FromSqlRaw(sql);
            sql = "SELECT * FROM Users WHERE Name = '" + name + "'";
            db.Users.{|#0:FromSqlRaw|}(sql);
            var each = "SELECT * FROM Users";
            foreach (var other in names)
            {
                db.Users.{|#1:FromSqlRaw|}(each);
                each = "SELECT * FROM Users WHERE Name = '" + other + "'";
            }

            var later = "SELECT * FROM Users";
            Func<IQueryable<User>> query = () => db.Users.{|#2:FromSqlRaw|}(later);
            later = "SELECT * FROM Users WHERE Name = '" + name + "'";
            query();
        }
        """, At(0, "FromSqlRaw", "name"), At(1, "FromSqlRaw", "other"), At(2, "FromSqlRaw", "name"));

    [Fact]
    public Task Reassignments_that_read_the_local_with_constants_only_are_safe() => Expect("""
        IQueryable<User> Find(Shop db, string name)
        {
            var sql = "SELECT * FROM Users WHERE Name = '" + name + "'";
            sql = "SELECT * FROM Users WHERE 1 = 1";
            sql = sql + " AND Active = 1";
            sql = $"{sql} ORDER BY Id";
            sql = sql + " OFFSET 0 ROWS";
            sql = sql + " FETCH NEXT 10 ROWS ONLY";
            sql = sql + "";
            sql = sql + " ";
            sql = sql + " ";
            sql = sql + " ";
            sql = sql + " ";
            sql = sql + " ";
            sql = sql + " ";
            sql = sql + " ";
            sql = sql + " ";
            sql = sql + " ";
            sql = sql + " ";
            sql = sql + " ";
            return db.Users.FromSqlRaw(sql);
        }
        """);

    [Fact]
    public Task Sql_built_in_a_local_is_followed() => Expect("""
        IQueryable<User> Find(Shop db, string name)
        {
            var sql = "SELECT * FROM Users WHERE Name = '" + name + "'";
            return db.Users.{|#0:FromSqlRaw|}(sql);
        }
        """, At(0, "FromSqlRaw", "name"));

    [Fact]
    public Task A_local_with_one_built_branch_is_built() => Expect("""
        IQueryable<User> Find(Shop db, string name, bool all)
        {
            string sql;
            if (all) sql = "SELECT * FROM Users";
            else sql = $"SELECT * FROM Users WHERE Name = '{name}'";
            return db.Users.{|#0:FromSqlRaw|}(sql);
        }
        """, At(0, "FromSqlRaw", "name"));

    [Fact]
    public Task Compound_appends_to_a_local_are_followed() => Expect("""
        IQueryable<User> Find(Shop db, string filter)
        {
            var sql = "SELECT * FROM Users WHERE 1 = 1";
            sql += " AND " + filter;
            return db.Users.{|#0:FromSqlRaw|}(sql);
        }
        """, At(0, "FromSqlRaw", "filter"));

    [Fact]
    public Task StringBuilder_appends_are_followed() => Expect("""
        IQueryable<User> Find(Shop db, string name)
        {
            var sb = new System.Text.StringBuilder("SELECT * FROM Users");
            sb.Append(" WHERE Name = '").Append(name).Append("'");
            return db.Users.{|#0:FromSqlRaw|}(sb.ToString());
        }
        """, At(0, "FromSqlRaw", "name"));

    [Fact]
    public Task StringBuilder_constructor_text_and_interpolated_appends_are_followed() => Expect("""
        IQueryable<User> Find(Shop db, string name, string tenant)
        {
            var sb = new System.Text.StringBuilder($"SELECT * FROM Users WHERE Name = '{name}'");
            sb.Append(" ORDER BY Id");
            var other = new System.Text.StringBuilder("SELECT * FROM Users");
            other.Append($" WHERE Tenant = '{tenant}'");
            return db.Users.{|#0:FromSqlRaw|}(sb.ToString()).Concat(db.Users.{|#1:FromSqlRaw|}(other.ToString()));
        }
        """, At(0, "FromSqlRaw", "name"), At(1, "FromSqlRaw", "tenant"));

    [Fact]
    public Task Interpolations_through_invariant_culture_calls_and_string_replace_are_followed() => Expect("""
        const string Template = "SELECT * FROM Users WHERE Name = '{name}'";

        void Run(Shop db, string name, string tenant, string table)
        {
            db.Users.{|#0:FromSqlRaw|}(FormattableString.Invariant($"SELECT * FROM Users WHERE Name = '{name}'"));
            db.Users.{|#1:FromSqlRaw|}(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"SELECT * FROM Users WHERE Tenant = '{tenant}'"));
            db.Users.{|#2:FromSqlRaw|}(Template.Replace("{name}", name));
            db.Users.{|#3:FromSqlRaw|}("SELECT * FROM {t}".Replace("{t}", table));
        }
        """, At(0, "FromSqlRaw", "name"), At(1, "FromSqlRaw", "tenant"), At(2, "FromSqlRaw", "name"), At(3, "FromSqlRaw", "table"));

    [Fact]
    public Task A_template_loaded_from_elsewhere_is_judged_by_the_values_it_is_filled_with() => Expect("""
        static readonly string Report = System.IO.File.ReadAllText("sql/report.sql");

        static string Load(string name) => System.IO.File.ReadAllText($"sql/{name}.sql");

        void Run(IDbConnection connection, int top, string region, string clause)
        {
            connection.Query<int>(Load("report").Replace("{top}", "100"));
            connection.Query<int>(Report.Replace("{top}", top.ToString()));
            connection.Query<int>(string.Format(Load("report"), 100, top));
            connection.Query<int>(Load("report"));
            connection.{|#0:Query<int>|}(Load("report").Replace("{region}", region));
            connection.{|#1:Query<int>|}(string.Format(Report, clause));
        }
        """, At(0, "Query", "region"), At(1, "Query", "clause"));

    [Fact]
    public Task In_lists_joined_from_numbers_and_culture_aware_constant_builders_are_safe() => Expect("""
        const string Template = "SELECT * FROM Users WHERE Id = {id}";

        void Run(Shop db, IDbConnection connection, int[] ids, List<long> orders, IEnumerable<Guid> keys, int limit, int tenant)
        {
            db.Users.FromSqlRaw("SELECT * FROM Users WHERE Id IN (" + string.Join(",", ids) + ")");
            connection.Query<User>($"SELECT * FROM Orders WHERE Id IN ({string.Join(",", orders)})");
            connection.Query<User>("SELECT * FROM Keys WHERE Id IN ('" + string.Join("','", keys) + "')");
            var sb = new System.Text.StringBuilder("SELECT * FROM Users");
            sb.Append($" WHERE TenantId = {tenant}");
            sb.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, " LIMIT {0}", limit);
            db.Users.FromSqlRaw(sb.ToString());
            db.Users.FromSqlRaw(FormattableString.Invariant($"SELECT * FROM Users WHERE Id = {limit}"));
            db.Users.FromSqlRaw(Template.Replace("{id}", "1"));
        }
        """);

    [Fact]
    public Task A_list_of_constant_clauses_joined_into_the_where_is_safe() => Expect("""
        void Run(IDbConnection connection, string? name, int? tenant, string filter)
        {
            var clauses = new List<string>();
            if (name != null) clauses.Add("Name = @name");
            if (tenant != null) clauses.Insert(0, "TenantId = @tenant");
            var sql = "SELECT * FROM Users" + (clauses.Count > 0 ? " WHERE " + string.Join(" AND ", clauses) : "");
            connection.Query<User>(sql, new { name, tenant });

            var seeded = new List<string> { "Active = 1" };
            seeded.Add("Deleted = 0");
            connection.Query<User>("SELECT * FROM Users WHERE " + string.Join(" AND ", seeded));

            var open = new List<string>();
            open.Add("Name = '" + filter + "'");
            connection.{|#0:Query<User>|}("SELECT * FROM Users WHERE " + string.Join(" AND ", open));

            var passed = new List<string>();
            AddFilters(passed, filter);
            connection.{|#1:Query<User>|}("SELECT * FROM Users WHERE " + string.Join(" AND ", passed));
        }

        static void AddFilters(List<string> clauses, string filter) => clauses.Add(filter);
        """, At(0, "Query", "open"), At(1, "Query", "passed"));

    [Fact]
    public Task Static_readonly_literals_in_another_file_are_constants() => Verify.VerifyFilesAsync(
        new[]
        {
            Sources.Ef + """
            class C
            {
                void Run(Shop db, string name)
                {
                    db.Users.FromSqlRaw("SELECT * FROM " + SqlNames.Users + " WHERE Id = 1");
                    db.Users.FromSqlRaw($"SELECT * FROM {SqlNames.Qualified}");
                    db.Users.{|#0:FromSqlRaw|}("SELECT * FROM " + SqlNames.FromEnvironment);
                }
            }
            """,
            """
            public static class SqlNames
            {
                public static readonly string Users = "Users";
                public static readonly string Qualified = "dbo." + ("Users");
                public static readonly string FromEnvironment = System.Environment.GetEnvironmentVariable("TABLE") ?? "Users";
            }
            """,
        },
        At(0, "FromSqlRaw", "SqlNames.FromEnvironment"));

    [Fact]
    public Task In_list_placeholders_selected_from_positions_or_numbers_are_safe() => Expect("""
        void Run(Shop db, IDbConnection connection, int[] ids, List<string> names)
        {
            var placeholders = ids.Select((_, i) => "@p" + i);
            db.Users.FromSqlRaw($"SELECT * FROM Users WHERE Id IN ({string.Join(", ", placeholders)})");
            connection.Query<User>("SELECT * FROM Users WHERE Id IN (" + string.Join(",", ids.Select(id => id.ToString())) + ")");
            connection.{|#0:Query<User>|}("SELECT * FROM Users WHERE Name IN (" + string.Join(",", names.Select(n => "'" + n + "'")) + ")");
        }
        """, At(0, "Query", "n"));

    [Fact]
    public Task A_read_only_table_of_constant_names_joined_into_the_text_is_safe() => Expect("""
        static readonly string[] Columns = { "Id", "Name" };
        static readonly List<string> Filled = new() { "Id" };
        static string[] Writable = { "Id", "Name" };

        void Run(IDbConnection connection)
        {
            connection.Query<User>($"SELECT {string.Join(", ", Columns)} FROM Users");
            connection.Query<User>("SELECT " + string.Join(", ", Filled) + " FROM Users");
            connection.{|#0:Query<User>|}("SELECT " + string.Join(", ", Writable) + " FROM Users");
        }
        """, At(0, "Query", "Writable"));

    [Fact]
    public Task Names_of_a_read_only_table_quoted_by_a_selector_are_safe_but_names_of_input_are_not() => Expect("""
        static readonly string[] Columns = { "Id", "Name" };
        static string[] Writable = { "Id", "Name" };

        void Run(IDbConnection connection, string[] requested)
        {
            connection.Query<User>($"SELECT {string.Join(", ", Columns.Select(c => $"[{c}]"))} FROM Users");
            connection.Query<User>("SELECT " + string.Join(", ", Columns.Where(c => c != "Id").Select(c => "[" + c + "]")) + " FROM Users");
            connection.{|#0:Query<User>|}($"SELECT {string.Join(", ", Writable.Select(c => $"[{c}]"))} FROM Users");
            connection.{|#1:Query<User>|}($"SELECT {string.Join(", ", requested.Select(c => $"[{c}]"))} FROM Users");
            connection.{|#2:Query<User>|}($"SELECT {string.Join(", ", Columns.Select(c => requested[0]))} FROM Users");
        }
        """,
        At(0, "Query", "string.Join(\", \", Writable.Select(c => $\"[{c}]\"))"),
        At(1, "Query", "string.Join(\", \", requested.Select(c => $\"[{c}]\"))"),
        At(2, "Query", "string.Join(\", \", Columns.Select(c => requested[0]))"));

    [Fact]
    public Task Reflected_names_copied_into_an_array_or_list_are_still_code_names() => Verify.VerifyAsync(Sources.Ef + """
        public class Repository<T>
        {
            public int Insert(IDbConnection db, T entity)
            {
                var props = typeof(T).GetProperties().Where(p => p.Name != "Id").Select(p => p.Name).ToArray();
                var columns = typeof(T).GetProperties().Select(p => p.Name).ToList();
                db.Execute($"UPDATE Items SET {string.Join(", ", columns.Select(c => c + " = @" + c))}", entity);
                return db.Execute($"INSERT INTO Items ({string.Join(", ", props)}) VALUES ({string.Join(", ", props.Select(n => "@" + n))})", entity);
            }

            public int Copy(IDbConnection db, IEnumerable<string> requested, T entity)
            {
                var names = requested.ToArray();
                return db.{|#0:Execute|}($"INSERT INTO Items ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select(n => "@" + n))})", entity);
            }
        }
        """, At(0, "Execute", "string.Join(\", \", names)"));

    [Fact]
    public Task Joined_text_still_counts_as_built() => Expect("""
        void Run(IDbConnection connection, List<string> names, string[] columns)
        {
            connection.{|#0:Query<User>|}("SELECT * FROM Users WHERE Name IN ('" + string.Join("','", names) + "')");
            connection.{|#1:Query<User>|}($"SELECT {string.Join(", ", columns)} FROM Users");
        }
        """, At(0, "Query", "names"), At(1, "Query", "string.Join(\", \", columns)"));

    [Fact]
    public Task Ado_command_text_assignment_on_any_provider() => Expect("""
        void Run(SqliteConnection connection, string name)
        {
            using var command = connection.CreateCommand();
            command.{|#0:CommandText|} = "SELECT * FROM Users WHERE Name = '" + name + "'";
            command.ExecuteNonQuery();
        }
        """, At(0, "SqliteCommand.CommandText", "name"));

    [Fact]
    public Task Ado_command_through_the_base_type() => Expect("""
        void Run(DbCommand command, string name) => command.{|#0:CommandText|} = $"DELETE FROM Users WHERE Name = '{name}'";
        """, At(0, "DbCommand.CommandText", "name"));

    [Fact]
    public Task Ado_command_text_appended() => Expect("""
        void Run(IDbCommand command, string filter) => command.{|#0:CommandText|} += " AND " + filter;
        """, At(0, "IDbCommand.CommandText", "filter"));

    [Fact]
    public Task Ado_command_constructor_and_initializer() => Expect("""
        void Run(SqliteConnection connection, string name)
        {
            var a = new {|#0:SqliteCommand|}($"SELECT * FROM Users WHERE Name = '{name}'", connection);
            var b = new SqliteCommand { {|#1:CommandText|} = "SELECT * FROM Users WHERE Name = '" + name + "'" };
        }
        """, At(0, "new SqliteCommand", "name"), At(1, "SqliteCommand.CommandText", "name"));

    [Fact]
    public Task Dapper_query_and_execute() => Expect("""
        async Task Run(IDbConnection connection, string name)
        {
            var users = connection.{|#0:Query<User>|}("SELECT * FROM Users WHERE Name = '" + name + "'");
            await connection.{|#1:ExecuteAsync|}($"DELETE FROM Users WHERE Name = '{name}'");
            var definition = new {|#2:CommandDefinition|}("SELECT 1 WHERE 'a' = " + name);
        }
        """, At(0, "Query", "name"), At(1, "ExecuteAsync", "name"), At(2, "new CommandDefinition", "name"));

    // ---- the anchors' false positives: never reported -------------------------------------------------------------

    [Fact]
    public Task Constants_const_interpolation_and_nameof_are_safe() => Expect("""
        const string Table = "Users";
        const int Limit = 10;
        void Run(Shop db)
        {
            const string column = "Name";
            db.Users.FromSqlRaw("SELECT * FROM Users");
            db.Users.FromSqlRaw($"SELECT * FROM {Table} WHERE {column} <> ''");
            db.Users.FromSqlRaw($"SELECT TOP {Limit} * FROM Users");
            db.Users.FromSqlRaw($"SELECT {nameof(User.Name)} FROM {nameof(Shop.Users)}");
            db.Users.FromSqlRaw("SELECT * FROM " + Table);
        }
        """);

    [Fact]
    public Task Constant_ternaries_and_switch_expressions_are_safe() => Expect("""
        void Run(Shop db, bool descending, Sort sort, string key)
        {
            var order = descending ? "DESC" : "ASC";
            var column = key switch { "name" => "Name", "id" => "Id", _ => "Id" };
            db.Users.FromSqlRaw($"SELECT * FROM Users ORDER BY {column} {order}");
            db.Users.FromSqlRaw("SELECT * FROM Users ORDER BY Name " + (descending ? "DESC" : "ASC"));
        }
        """);

    [Fact]
    public Task Allow_listed_names_are_safe() => Expect("""
        static readonly Dictionary<string, string> SortColumns = new(StringComparer.OrdinalIgnoreCase) { ["name"] = "Name", ["id"] = "Id" };
        static readonly string[] Tables = { "Users", "Orders" };
        static readonly string Schema = "dbo";
        void Run(Shop db, string key, int table)
        {
            db.Users.FromSqlRaw($"SELECT * FROM Users ORDER BY {SortColumns[key]}");
            if (SortColumns.TryGetValue(key, out var column))
            {
                db.Users.FromSqlRaw("SELECT * FROM Users ORDER BY " + column);
            }

            db.Database.ExecuteSqlRaw($"DELETE FROM {Schema}.{Tables[table]} WHERE Id = 1");
        }
        """);

    // Tables written with literals only are recognised from their syntax (Sql/AllowListTables.cs); these two tests pin
    // that shortcut to the answer of the operation test it stands in for, on both sides.
    [Fact]
    public Task Literal_index_and_array_tables_are_allow_lists_for_every_sink_that_reads_them() => Expect("""
        static readonly Dictionary<string, string> Columns = new() { ["name"] = "Name", ["id"] = "Id" };
        static readonly string[] Tables = new[] { "Users", "Orders" };
        static readonly string[] Views = new string[2] { "UserView", "OrderView" };
        void Run(Shop db, string key, int i)
        {
            db.Users.FromSqlRaw($"SELECT * FROM Users ORDER BY {Columns[key]}");
            db.Users.FromSqlRaw("SELECT * FROM " + Tables[i] + " JOIN " + Views[i] + " ON 1 = 1");
            if (Columns.TryGetValue(key, out var column))
            {
                db.Users.FromSqlRaw($"SELECT {column} FROM Users");
            }

            db.Database.ExecuteSqlRaw($"DELETE FROM {Tables[i]} ORDER BY {Columns[key]}");
        }
        """);

    [Fact]
    public Task Tables_with_a_computed_value_or_filled_by_a_string_returning_Add_are_not_allow_lists() => Expect("""
        static readonly Dictionary<string, string> Columns = new() { ["name"] = Environment.UserName };
        static readonly Names Allowed = new() { "Users" };
        void Run(Shop db, string key, int i)
        {
            db.Users.{|#0:FromSqlRaw|}($"SELECT * FROM Users ORDER BY {Columns[key]}");
            db.Users.{|#1:FromSqlRaw|}("SELECT * FROM " + Allowed[i]);
        }

        sealed class Names : System.Collections.IEnumerable
        {
            private readonly List<string> items = new();
            public string Add(string name) { items.Add(name); return name; }
            public string this[int index] => items[index];
            public System.Collections.IEnumerator GetEnumerator() => items.GetEnumerator();
        }
        """, At(0, "FromSqlRaw", "Columns[key]"), At(1, "FromSqlRaw", "Allowed[i]"));

    [Fact]
    public Task Values_that_cannot_carry_sql_are_safe() => Expect("""
        void Run(Shop db, int id, long? tenant, Guid key, Sort sort, decimal total, bool flag)
        {
            db.Users.FromSqlRaw($"SELECT * FROM Users WHERE Id = {id} AND TenantId = {tenant} AND Key = '{key}'");
            db.Users.FromSqlRaw("SELECT * FROM Users ORDER BY " + sort + " LIMIT " + total + " -- " + flag);
            db.Users.FromSqlRaw("SELECT * FROM Users WHERE Id = " + id.ToString());
        }
        """);

    [Fact]
    public Task Dates_times_a_case_changed_enum_and_names_of_the_EF_model_cannot_carry_sql() => Expect("""
        void Run(Shop db, DateTime since, DateTimeOffset? at, TimeSpan age, Sort sort)
        {
            db.Users.FromSqlRaw($"SELECT * FROM Users WHERE Created > '{since:yyyy-MM-dd}' AND Seen < '{at}' AND Age > '{age}'");
            db.Users.FromSqlRaw($"SELECT * FROM Users ORDER BY Name {sort.ToString().ToUpperInvariant()}");
            var table = db.Model.FindEntityType(typeof(User))!.GetTableName();
            var column = db.Model.FindEntityType(typeof(User))!.FindProperty(nameof(User.Name))!.GetColumnName();
            db.Database.ExecuteSqlRaw($"UPDATE {table} SET {column} = TRIM({column}) WHERE Id > 0");
        }
        """);

    [Fact]
    public Task Names_from_reflection_and_fields_the_constructors_set_to_constants_cannot_carry_sql() => Verify.VerifyAsync(Sources.Ef + """
        public class Repository<T>
        {
            private readonly IDbConnection db;
            private readonly string table;
            private readonly string plural = typeof(T).Name + "s";

            public Repository(IDbConnection db) { this.db = db; table = typeof(T).Name; }

            public IEnumerable<T> All() => db.Query<T>($"SELECT * FROM {table} UNION ALL SELECT * FROM {plural} -- {typeof(T).FullName}");

            public IEnumerable<T> Sorted(System.Linq.Expressions.Expression<Func<T, object>> by)
            {
                var column = ((System.Linq.Expressions.MemberExpression)by.Body).Member.Name;
                var columns = string.Join(", ", typeof(T).GetProperties().Select(p => p.Name));
                return db.Query<T>($"SELECT {columns} FROM {table} ORDER BY {column}");
            }
        }
        """);

    [Fact]
    public Task Names_from_mapping_attributes_are_code_but_a_conditional_read_of_input_is_input() => Verify.VerifyAsync(Sources.Ef + """
        public class Search { public string Name { get; set; } = ""; }

        public class Repository<T>
        {
            private static readonly string Table =
                System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.ComponentModel.DataAnnotations.Schema.TableAttribute>(typeof(T))?.Name ?? typeof(T).Name;

            public int Insert(IDbConnection db, T entity)
            {
                var columns = string.Join(", ", typeof(T).GetProperties().Select(p =>
                    System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.ComponentModel.DataAnnotations.Schema.ColumnAttribute>(p)?.Name ?? p.Name));
                return db.Execute($"INSERT INTO {Table} ({columns}) VALUES (@Id)", entity);
            }

            public IEnumerable<T> Find(IDbConnection db, Search? search) =>
                db.{|#0:Query<T>|}($"SELECT * FROM {Table} WHERE Name = '{search?.Name}'");
        }
        """, At(0, "Query", "search?.Name"));

    [Fact]
    public Task A_property_every_implementation_of_which_returns_a_literal_is_code() => Verify.VerifyFilesAsync(
        [
            Sources.Ef + """
            public abstract class Repository
            {
                protected abstract string Table { get; }
                protected virtual string Schema => "dbo";
                private string Columns { get; } = "Id, Name";
                public IEnumerable<User> All(IDbConnection db) => db.Query<User>($"SELECT {Columns} FROM {Schema}.{Table}");
            }
            public class Users : Repository { protected override string Table => "Users"; }
            """,
            """
            public class Orders : Repository
            {
                protected override string Table { get { return "Orders"; } }
                protected override string Schema { get; } = "sales";
            }
            """,
        ]);

    [Fact]
    public Task A_property_one_implementation_of_which_returns_input_or_that_can_be_set_is_input() => Verify.VerifyFilesAsync(
        [
            Sources.Ef + """
            public abstract class Repository
            {
                protected abstract string Table { get; }
                public string Schema { get; set; } = "dbo";
                private string Columns { get; } = "Id";
                protected Repository(string columns) { Columns = columns; }
                public IEnumerable<User> All(IDbConnection db) => db.{|#0:Query<User>|}($"SELECT * FROM {Table}");
                public IEnumerable<User> Other(IDbConnection db) => db.{|#1:Query<User>|}($"SELECT * FROM {Schema}.Users");
                public IEnumerable<User> Picked(IDbConnection db) => db.{|#2:Query<User>|}($"SELECT {Columns} FROM Users");
            }
            public class Users : Repository { public Users() : base("Id") { } protected override string Table => "Users"; }
            """,
            """
            public class Dynamic : Repository
            {
                private readonly string name;
                public Dynamic(string name) : base("Id") { this.name = name; }
                protected override string Table => name;
            }
            """,
        ],
        At(0, "Query", "Table"), At(1, "Query", "Schema"), At(2, "Query", "Columns"));

    [Fact]
    public Task A_field_a_constructor_sets_from_input_is_still_input() => Verify.VerifyAsync(Sources.Ef + """
        public class Tenants
        {
            private readonly IDbConnection db;
            private readonly string schema;
            private readonly string table;

            public Tenants(IDbConnection db, string schema) { this.db = db; this.schema = schema; table = "Orders"; }
            public Tenants(IDbConnection db) { this.db = db; schema = "dbo"; table = db.Database; }

            public IEnumerable<User> Orders() => db.{|#0:Query<User>|}($"SELECT * FROM [{schema}].[Orders]");
            public IEnumerable<User> Other() => db.{|#1:Query<User>|}("SELECT * FROM " + table);
        }
        """, At(0, "Query", "schema"), At(1, "Query", "table"));

    [Fact]
    public Task Configuration_and_quoted_identifiers_cannot_carry_a_requests_sql() => Verify.VerifyAsync(Sources.Ef + """
        public class DbSettings { public string Schema { get; set; } = "dbo"; public Naming Names { get; set; } = new(); }
        public class Naming { public string Prefix { get; set; } = ""; }

        public class Reports
        {
            private readonly IDbConnection db;
            private readonly string schema;
            private readonly DbSettings settings;
            private readonly Microsoft.Extensions.Configuration.IConfiguration configuration;
            private readonly Microsoft.Extensions.Options.IOptionsMonitor<DbSettings> monitor;

            public Reports(IDbConnection db, Microsoft.Extensions.Options.IOptions<DbSettings> options, Microsoft.Extensions.Configuration.IConfiguration configuration, Microsoft.Extensions.Options.IOptionsMonitor<DbSettings> monitor)
            {
                this.db = db;
                schema = options.Value.Schema;
                settings = options.Value;
                this.configuration = configuration;
                this.monitor = monitor;
            }

            public void Run(Microsoft.Extensions.Options.IOptionsSnapshot<DbSettings> snapshot, Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper helper, string table)
            {
                db.Query<User>($"SELECT * FROM {schema}.Users");
                db.Query<User>($"SELECT * FROM {settings.Schema}.{settings.Names.Prefix}Users");
                db.Query<User>($"SELECT * FROM {snapshot.Value.Schema}.Users, {monitor.CurrentValue.Schema}.Orders, {monitor.Get("audit").Schema}.Log");
                db.Query<User>($"SELECT * FROM {configuration["Db:Schema"]}.Users WHERE {configuration.GetSection("Db:Filter").Value}");
                db.Query<User>("SELECT * FROM " + Microsoft.Extensions.Configuration.ConfigurationBinder.GetValue<string>(configuration, "Db:Table") + " -- " + Environment.GetEnvironmentVariable("DB_NOTE"));
                db.Query<User>("SELECT * FROM " + QuoteIdentifier(table));
                db.Query<User>($"SELECT * FROM {helper.DelimitIdentifier(table)}");
            }

            private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
        }
        """);

    [Fact]
    public Task A_property_of_a_request_object_or_a_settings_object_not_from_options_is_still_input() => Verify.VerifyAsync(Sources.Ef + """
        public class DbSettings { public string Schema { get; set; } = "dbo"; }
        public class Search { public string Schema { get; set; } = ""; public string Term { get; set; } = ""; }

        public class Reports
        {
            private readonly IDbConnection db;
            private readonly DbSettings settings;

            public Reports(IDbConnection db, Microsoft.Extensions.Options.IOptions<DbSettings> options, DbSettings fromCaller)
            {
                this.db = db;
                settings = fromCaller;
            }

            public void Run(Search search, DbSettings posted, Microsoft.Extensions.Options.IOptions<DbSettings> options)
            {
                db.{|#0:Query<User>|}($"SELECT * FROM {search.Schema}.Users WHERE Name = '{search.Term}'");
                db.{|#1:Query<User>|}($"SELECT * FROM {posted.Schema}.Users");
                db.{|#2:Query<User>|}($"SELECT * FROM {settings.Schema}.Users");
                db.{|#3:Query<User>|}($"SELECT * FROM {options.Value.Schema}.Users WHERE Name = '{search.Term}'");
            }
        }
        """, At(0, "Query", "search.Schema"), At(1, "Query", "posted.Schema"), At(2, "Query", "settings.Schema"), At(3, "Query", "search.Term"));

    [Fact]
    public Task A_value_checked_against_an_allow_list_or_an_identifier_pattern_before_it_is_spliced_in_is_safe() => Verify.VerifyAsync(Sources.Ef + """
        public partial class Reports
        {
            private static readonly HashSet<string> Columns = new(StringComparer.OrdinalIgnoreCase) { "Name", "Id" };
            private static readonly string[] Directions = { "ASC", "DESC" };
            private static readonly Dictionary<string, int> Tables = new() { ["Users"] = 1, ["Orders"] = 2 };

            [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
            private static partial System.Text.RegularExpressions.Regex Identifier();
            private static partial System.Text.RegularExpressions.Regex Identifier() => new("^[A-Za-z_][A-Za-z0-9_]{0,63}$");

            public void Run(IDbConnection db, string sort, string dir, string table, string schema, string view, string day)
            {
                if (!Columns.Contains(sort)) throw new ArgumentException("unknown column", nameof(sort));
                if (!Directions.Contains(dir.ToUpperInvariant())) dir = "ASC";
                db.Query<User>($"SELECT * FROM Users ORDER BY {sort} {dir}");

                if (!Tables.ContainsKey(table) || !System.Text.RegularExpressions.Regex.IsMatch(schema, @"^\w+$"))
                {
                    return;
                }

                db.Query<User>("SELECT * FROM " + schema + "." + table);
                if (Identifier().IsMatch(view) == false) return;
                if (!Enum.IsDefined(typeof(DayOfWeek), day)) return;
                db.Query<User>($"SELECT * FROM {view} WHERE Day = '{day}'");
            }
        }
        """);

    [Fact]
    public Task The_arm_of_a_ternary_that_its_allow_list_check_vetted_is_safe_and_the_other_arm_is_not() => Verify.VerifyAsync(Sources.Ef + """
        public class Reports
        {
            private static readonly HashSet<string> Columns = new(StringComparer.OrdinalIgnoreCase) { "Name", "Id" };
            private static readonly Dictionary<string, int> Tables = new() { ["Users"] = 1 };

            public void Run(IDbConnection db, string sort, string table, string other)
            {
                var column = Columns.Contains(sort) ? sort : "Id";
                db.Query<User>($"SELECT * FROM Users ORDER BY {column}");
                db.Query<User>($"SELECT * FROM {(!Tables.ContainsKey(table) ? "Users" : table)}");
                db.Query<User>("SELECT * FROM Users ORDER BY " + (Columns.Contains(sort.ToUpperInvariant()) ? sort : "Id"));

                db.{|#0:Query<User>|}($"SELECT * FROM Users ORDER BY {(Columns.Contains(sort) ? "Id" : sort)}");
                db.{|#1:Query<User>|}($"SELECT * FROM Users ORDER BY {(Columns.Contains(other) ? sort : "Id")}");
                db.{|#2:Query<User>|}($"SELECT * FROM Users ORDER BY {(sort.Length < 10 ? sort : "Id")}");
            }
        }
        """, At(0, "Query", "Columns.Contains(sort) ? \"Id\" : sort"), At(1, "Query", "Columns.Contains(other) ? sort : \"Id\""), At(2, "Query", "sort.Length < 10 ? sort : \"Id\""));

    [Fact]
    public Task A_check_that_does_not_leave_comes_after_the_use_admits_more_than_a_name_or_is_undone_is_no_guard() => Verify.VerifyAsync(Sources.Ef + """
        public class Reports
        {
            private static readonly HashSet<string> Columns = new() { "Name", "Id" };
            private static List<string> growable = new() { "Name" };

            public void Run(IDbConnection db, string a, string b, string c, string d, string e, string f, string g)
            {
                if (!Columns.Contains(a)) Console.WriteLine("unknown column");
                db.{|#0:Query<User>|}($"SELECT * FROM Users ORDER BY {a}");

                if (!Columns.Contains(b)) return;
                b = b + " DESC";
                db.{|#1:Query<User>|}($"SELECT * FROM Users ORDER BY {b}");

                if (!System.Text.RegularExpressions.Regex.IsMatch(c, @"^[\w ]+$")) return;
                if (!System.Text.RegularExpressions.Regex.IsMatch(d, @"[A-Za-z]+")) return;
                if (!System.Text.RegularExpressions.Regex.IsMatch(e, @"^.+$")) return;
                db.{|#2:Query<User>|}($"SELECT * FROM {c}, {d}, {e}");

                if (!growable.Contains(f)) return;
                db.{|#3:Query<User>|}($"SELECT * FROM Users ORDER BY {f}");

                db.{|#4:Query<User>|}($"SELECT * FROM Users ORDER BY {g}");
                if (!Columns.Contains(g)) return;
            }
        }
        """, At(0, "Query", "a"), At(1, "Query", "b"), At(2, "Query", "c"), At(3, "Query", "f"), At(4, "Query", "g"));

    [Fact]
    public Task A_case_change_or_trim_of_input_is_still_input() => Expect("""
        void Run(Shop db, string name, string sort)
        {
            db.Users.{|#0:FromSqlRaw|}($"SELECT * FROM Users WHERE Name = '{name.Trim().ToUpperInvariant()}'");
            db.Users.{|#1:FromSqlRaw|}("SELECT * FROM Users ORDER BY " + sort.Substring(0, 10));
        }
        """, At(0, "FromSqlRaw", "name.Trim().ToUpperInvariant()"), At(1, "FromSqlRaw", "sort.Substring(0, 10)"));

    [Fact]
    public Task Parameterised_apis_are_safe() => Expect("""
        async Task Run(Shop db, string name)
        {
            db.Users.FromSql($"SELECT * FROM Users WHERE Name = {name}");
            db.Users.FromSqlInterpolated($"SELECT * FROM Users WHERE Name = {name}");
            db.Database.ExecuteSql($"DELETE FROM Users WHERE Name = {name}");
            db.Database.ExecuteSqlInterpolated($"DELETE FROM Users WHERE Name = {name}");
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM Users WHERE Name = {name}");
            db.Database.SqlQuery<int>($"SELECT Id FROM Users WHERE Name = {name}");
            db.Database.ExecuteSqlRaw("DELETE FROM Users WHERE Name = {0}", name);
        }
        """);

    [Fact]
    public Task Sql_received_from_elsewhere_is_not_judged_here() => Expect("""
        string Sql { get; set; } = "";
        void Run(Shop db, string sql, IDbCommand command)
        {
            db.Database.ExecuteSqlRaw(sql);
            db.Database.ExecuteSqlRaw(Sql);
            command.CommandText = Build();
        }
        string Build() => "SELECT 1";
        """);

    [Fact]
    public Task Stored_procedure_names_are_not_sql() => Expect("""
        void Run(SqliteConnection connection, IDbConnection dapper, string procedure)
        {
            var command = connection.CreateCommand();
            command.CommandText = "dbo." + procedure;
            command.CommandType = CommandType.StoredProcedure;
            dapper.Execute("dbo." + procedure, commandType: CommandType.StoredProcedure);
        }
        """);

    [Fact]
    public Task Stored_procedure_set_through_an_escaped_name_or_an_initializer_is_not_sql() => Expect("""
        void Escaped(SqliteConnection connection, string procedure)
        {
            var command = connection.CreateCommand();
            command.CommandText = "dbo." + procedure;
            command.Command\u0054ype = (System.Data.Command\u0054ype)4;
        }
        void Initialized(SqliteConnection connection, string procedure)
        {
            var command = new SqliteCommand("dbo." + procedure, connection) { CommandType = System.Data.CommandType.StoredProcedure };
        }
        void Text(SqliteConnection connection, string procedure)
        {
            var command = connection.CreateCommand();
            command.{|#0:CommandText|} = "dbo." + procedure;
        }
        void Constructed(SqliteConnection connection, string procedure)
        {
            using var command = new SqliteCommand("dbo." + procedure, connection);
            command.CommandType = CommandType.StoredProcedure;
            SqliteCommand other;
            other = new SqliteCommand("dbo." + procedure, connection);
            other.CommandType = CommandType.StoredProcedure;
            using (var third = new SqliteCommand("dbo." + procedure, connection))
            {
                third.CommandType = CommandType.StoredProcedure;
            }
        }
        void ConstructedAsText(SqliteConnection connection, string procedure)
        {
            var command = new {|#1:SqliteCommand|}("dbo." + procedure, connection);
            var other = new SqliteCommand("SELECT 1", connection);
            other.CommandType = CommandType.StoredProcedure;
            Run(new {|#2:SqliteCommand|}("dbo." + procedure, connection));
            Make().CommandType = CommandType.StoredProcedure;
        }
        SqliteCommand Make() => null!;
        void Run(SqliteCommand command) { }
        """, At(0, "SqliteCommand.CommandText", "procedure"), At(1, "new SqliteCommand", "procedure"), At(2, "new SqliteCommand", "procedure"));

    [Fact]
    public Task Sanitised_identifiers_are_safe() => Verify.RunAsync(Sources.Ef + """
        static class Sql { public static string Identifier(string name) => "[" + name.Replace("]", "]]") + "]"; }
        class C
        {
            void Run(Shop db, DbCommandBuilder builder, string column)
            {
                db.Users.FromSqlRaw("SELECT " + builder.QuoteIdentifier(column) + " FROM Users");
                db.Users.FromSqlRaw($"SELECT {Sql.Identifier(column)} FROM Users");
            }
        }
        """, hotfix: null, editorConfig: "hotfix.HF3001.sanitizer_methods = Sql.Identifier\n");

    // ---- escalation on the lines a hotfix changes ------------------------------------------------------------------

    private const string Escalation = Sources.Ef + """
        class C
        {
            IQueryable<User> Find(Shop db, string name) =>
                db.Users.{|#0:FromSqlRaw|}(
                    "SELECT * FROM Users WHERE Name = '" + name + "'");
        }
        """;

    private static int LineOf(string source, string text) =>
        source[..source.IndexOf(text, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    [Fact]
    public Task A_finding_on_a_changed_line_is_an_error() => Verify.VerifyHotfixAsync(
        Escalation,
        Verify.ChangedLinesOf(LineOf(Escalation, "\"SELECT * FROM Users WHERE Name")),
        Verify.Diagnostic("HF3001").WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
            .WithArguments("FromSqlRaw", "name", " (on a line this hotfix changes)"));

    [Fact]
    public Task A_finding_away_from_the_changed_lines_stays_a_warning() => Verify.VerifyHotfixAsync(
        Escalation,
        Verify.ChangedLinesOf(2, 3),
        At(0, "FromSqlRaw", "name"));

    [Fact]
    public Task Both_levels_are_configurable() => Verify.RunAsync(
        Escalation,
        Verify.ChangedLinesOf(LineOf(Escalation, "FromSqlRaw")),
        "hotfix.escalated_severity = warning\nhotfix.HF3001.background_severity = none\n",
        Verify.Diagnostic("HF3001").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning));

    [Fact]
    public Task The_background_level_can_be_turned_off() => Verify.RunAsync(
        Escalation, Verify.ChangedLinesOf(1), "hotfix.background_severity = none\n");

    [Fact]
    public Task Nothing_escalates_without_a_hotfix_branch() => Verify.RunAsync(
        Escalation, hotfix: null, editorConfig: null, At(0, "FromSqlRaw", "name"));

    [Fact]
    public Task Sql_put_together_by_a_method_of_the_file_is_judged_by_what_it_returns_with_the_arguments_given() => Expect("""
        string Where(string name) => " WHERE Name = '" + name + "'";
        static string Qualified(string table, string schema = "dbo") => "[" + schema + "].[" + table + "]";
        string Search(string name, int limit)
        {
            var sql = new System.Text.StringBuilder($"SELECT TOP {limit} * FROM Users");
            if (name != null)
            {
                sql.Append($" WHERE Name LIKE '%{name}%'");
            }

            return sql.ToString();
        }
        void Run(IDbConnection connection, string name, string table)
        {
            connection.{|#0:Query<User>|}(Search(name, 10));
            connection.Query<User>(Search(null, 10));
            connection.Query<User>("SELECT * FROM " + Qualified("Users"));
            connection.{|#1:Query<User>|}("SELECT * FROM " + Qualified(table));
            var sql = "SELECT * FROM Users" + Where(name);
            connection.{|#2:Execute|}(sql);
        }
        """, At(0, "Query", "name"), At(1, "Query", "table"), At(2, "Execute", "name"));

    [Fact]
    public Task Appends_chained_on_a_new_StringBuilder_are_its_text() => Expect("""
        void Run(IDbConnection connection, string name)
        {
            var sql = new System.Text.StringBuilder("SELECT * FROM Users WHERE Name = '").Append(name).Append("'");
            connection.{|#0:Query<User>|}(sql.ToString());
            var safe = new System.Text.StringBuilder("SELECT * FROM Users").Append(" ORDER BY Name");
            connection.Query<User>(safe.ToString());
        }
        """, At(0, "Query", "name"));

    // ---- through a helper of the project that runs its parameter as SQL -------------------------------------------

    private const string Helper = """
        using System.Collections.Generic;
        using System.Data;
        using Dapper;
        using Microsoft.Data.Sqlite;
        using Microsoft.EntityFrameworkCore;

        public interface IDb { int Execute(string sql); }
        public sealed class Db : IDb
        {
            private readonly SqliteConnection connection = new("Data Source=shop.db");
            public DataTable Query(string sql) => Query(sql, new Dictionary<string, object>());
            public DataTable Query(string sql, Dictionary<string, object> parameters)
            {
                using var command = new SqliteCommand(sql, connection);
                var table = new DataTable();
                table.Load(command.ExecuteReader());
                return table;
            }
            public int Execute(string sql)
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                return command.ExecuteNonQuery();
            }
            public IEnumerable<T> List<T>(string query) => connection.Query<T>(query);
            public int Log(string message) => message.Length;
            public int Fixed(string sql) { sql = "SELECT 1"; return connection.Execute(sql); }
        }
        public static class SqlHelper
        {
            public static int Run(string text) => new Db().Execute(text);
            public static DataTable Select(string statement)
            {
                var db = new Db();
                return db.Query(statement);
            }
            public static int Purge(this DbContext db, string sql) => db.Database.ExecuteSqlRaw(sql);
        }
        """;

    [Fact]
    public Task Built_sql_passed_to_a_helper_that_runs_its_parameter_is_reported_at_the_call() => Verify.VerifyFilesAsync(
        new[]
        {
            Helper,
            """
            using System.Collections.Generic;
            using System.Text;
            public class Orders
            {
                private readonly Db db = new();
                private readonly IDb shared = new Db();
                public void Run(string name, int id, string note)
                {
                    db.{|#0:Query|}("SELECT * FROM Orders WHERE Customer = '" + name + "'");
                    db.{|#1:Execute|}($"DELETE FROM Orders WHERE Note = '{note}'");
                    var sql = "UPDATE Orders SET Note = '" + note + "' WHERE Id = 1";
                    shared.{|#2:Execute|}(sql);
                    SqlHelper.{|#3:Run|}(string.Format("DELETE FROM Orders WHERE Customer = '{0}'", name));
                    db.{|#4:List<int>|}($"SELECT Id FROM Orders WHERE Customer = '{name}'");
                    var query = new StringBuilder("SELECT * FROM Orders WHERE Note = '");
                    query.Append(note).Append("'");
                    db.{|#5:Query|}(query.ToString());
                }
                public void Clean(Microsoft.EntityFrameworkCore.DbContext context, string table) =>
                    context.{|#6:Purge|}("DELETE FROM " + table + " WHERE Archived = 1");
                public void Report(string region) => SqlHelper.{|#7:Select|}("SELECT * FROM Orders WHERE Region = '" + region + "'");
            }
            """,
        },
        At(0, "Db.Query → new SqliteCommand", "name"),
        At(1, "Db.Execute → CommandText", "note"),
        At(2, "IDb.Execute → CommandText", "note"),
        At(3, "SqlHelper.Run → CommandText", "name"),
        At(4, "Db.List → Query", "name"),
        At(5, "Db.Query → new SqliteCommand", "note"),
        At(6, "SqlHelper.Purge → ExecuteSqlRaw", "table"),
        At(7, "SqlHelper.Select → new SqliteCommand", "region"));

    [Fact]
    public Task Constant_or_parameterised_sql_and_helpers_that_do_not_run_their_text_are_not_reported() => Verify.VerifyFilesAsync(
        new[]
        {
            Helper,
            """
            public class Orders
            {
                private const string Table = "Orders";
                private readonly Db db = new();
                public void Run(string name, int id)
                {
                    db.Query("SELECT * FROM " + Table + " WHERE Id = 1");
                    db.Query("SELECT * FROM Orders WHERE Customer = @name", new() { ["name"] = name });
                    db.Log($"select failed for {name}");
                    db.Fixed("DELETE FROM Orders WHERE Customer = '" + name + "'");
                    Forward(name);
                }
                private void Forward(string sql) => db.Execute(sql);
            }
            """,
        });
}
