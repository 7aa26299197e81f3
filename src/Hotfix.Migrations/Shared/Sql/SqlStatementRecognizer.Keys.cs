namespace Hotfix.Migrations.Sql;

/// <summary>
/// The keys and indexes a statement declares — their columns in order and, for a foreign key, the table it points
/// at — so that HF4004 can tell a foreign key from the index that serves it, whether the key is a table constraint,
/// a column's inline <c>REFERENCES</c>, or part of a CREATE TABLE.
/// </summary>
internal static partial class SqlStatementRecognizer
{
    private sealed partial class Reader
    {
        /// <summary>At "(": the items of a key or index column list; an item that is not a plain column is kept as "(text)".</summary>
        private List<string>? KeyColumnList()
        {
            if (!Peek().IsSymbol("("))
            {
                return null;
            }

            var inner = Peek().Depth + 1;
            i++;
            var items = new List<string>();
            var start = i;
            for (; i < t.Count && !(t[i].IsSymbol(")") && t[i].Depth == inner - 1); i++)
            {
                if (t[i].IsSymbol(",") && t[i].Depth == inner)
                {
                    items.Add(KeyItem(start, i));
                    start = i + 1;
                }
            }

            if (i > start)
            {
                items.Add(KeyItem(start, i));
            }

            i++;
            return items;
        }

        /// <summary><c>col</c>, <c>col DESC</c>, <c>col text_pattern_ops</c> and MySQL's <c>col(10)</c> are the column; <c>lower(col)</c> is an expression.</summary>
        private string KeyItem(int from, int to)
        {
            var plain = t[from].IsName && (from + 1 >= to || !t[from + 1].IsSymbol("(") || from + 2 < to && t[from + 2].Kind == SqlTokenKind.Number);
            return plain ? t[from].Text : "(" + Join(from, to) + ")";
        }

        /// <summary>After PRIMARY/UNIQUE/FOREIGN: the key's columns, and for a foreign key the table after REFERENCES.</summary>
        private void KeyColumnsAndReference(MigrationOperation op)
        {
            Take("KEY");
            Take("INDEX");
            Take("CLUSTERED");
            Take("NONCLUSTERED");
            if (Peek().IsName && PeekAt(1).IsSymbol("("))
            {
                // MySQL names the key's index here: FOREIGN KEY fk_name (col).
                i++;
            }

            op.KeyColumns = KeyColumnList();
            if (op.Constraint == ConstraintKind.ForeignKey && Take("REFERENCES"))
            {
                op.ReferencedTable = Name();
            }
        }

        /// <summary>At the "(" of a CREATE TABLE: the keys and indexes its definition list declares, or null.</summary>
        private List<MigrationOperation>? TableKeys(string table)
        {
            if (!Peek().IsSymbol("("))
            {
                return null;
            }

            var inner = Peek().Depth + 1;
            i++;
            var keys = new List<MigrationOperation>();
            while (i < t.Count && !(t[i].IsSymbol(")") && t[i].Depth == inner - 1))
            {
                var end = i;
                while (end < t.Count && !(t[end].IsSymbol(",") && t[end].Depth == inner) && !(t[end].IsSymbol(")") && t[end].Depth == inner - 1))
                {
                    end++;
                }

                keys.AddRange(ItemKeys(table, end));
                i = end;
                Take(",");
            }

            return keys.Count > 0 ? keys : null;
        }

        /// <summary>One item of a CREATE TABLE definition list, ending before token <paramref name="end"/>.</summary>
        private List<MigrationOperation> ItemKeys(string table, int end)
        {
            if (Take("CONSTRAINT"))
            {
                Name();
            }

            if (Peek().Is("PRIMARY") || Peek().Is("UNIQUE") || Peek().Is("FOREIGN"))
            {
                var constraint = new MigrationOperation(MigrationOperationKind.AddConstraint) { Table = table };
                constraint.Constraint = Take("PRIMARY") ? ConstraintKind.PrimaryKey : Take("UNIQUE") ? ConstraintKind.Unique : ConstraintKind.ForeignKey;
                Take("FOREIGN");
                KeyColumnsAndReference(constraint);
                return [constraint];
            }

            if (Peek().Is("KEY") || Peek().Is("INDEX"))
            {
                i++;
                var index = new MigrationOperation(MigrationOperationKind.CreateIndex) { Table = table };
                if (Peek().IsName)
                {
                    index.Name = Name();
                }

                index.KeyColumns = KeyColumnList();
                return [index];
            }

            if (i >= end || !Peek().IsName || TableConstraintWords.Contains(Peek().Text))
            {
                return [];
            }

            var column = t[i].Text;
            i++;
            return ColumnKeys(table, column, end);
        }

        /// <summary>A column's inline keys up to token <paramref name="end"/>: REFERENCES, PRIMARY KEY, UNIQUE.</summary>
        private List<MigrationOperation> ColumnKeys(string table, string column, int end)
        {
            var keys = new List<MigrationOperation>();
            var depth = i < end ? t[i].Depth : 0;
            while (i < end)
            {
                if (t[i].Depth != depth)
                {
                    i++;
                }
                else if (Take("REFERENCES"))
                {
                    keys.Add(new MigrationOperation(MigrationOperationKind.AddConstraint)
                    {
                        Table = table, Constraint = ConstraintKind.ForeignKey, KeyColumns = [column], ReferencedTable = Name(),
                    });
                }
                else if (Skip("PRIMARY", "KEY"))
                {
                    keys.Add(new MigrationOperation(MigrationOperationKind.AddConstraint) { Table = table, Constraint = ConstraintKind.PrimaryKey, KeyColumns = [column] });
                }
                else if (Take("UNIQUE"))
                {
                    keys.Add(new MigrationOperation(MigrationOperationKind.AddConstraint) { Table = table, Constraint = ConstraintKind.Unique, KeyColumns = [column] });
                }
                else
                {
                    i++;
                }
            }

            return keys;
        }
    }
}
