package corpus

import (
	"strings"
	"testing"
)

func TestStatements(t *testing.T) {
	body := "-- a comment\ncreate table a (x integer);\n\n--sqlite: create index a_x on a (x);\n--postgres: create index a_x on a using hash (x);\ncreate table b (\n\ty text\n);\n"
	tests := []struct {
		d    Dialect
		want []string
	}{
		{SQLite, []string{"create table a (x integer)", "create index a_x on a (x)", "create table b (\ny text\n)"}},
		{Postgres, []string{"create table a (x integer)", "create index a_x on a using hash (x)", "create table b (\ny text\n)"}},
	}
	for _, tt := range tests {
		got := statements(body, tt.d)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: %q, want %q", tt.d, got, tt.want)
		}
	}
}
