package hostile

import "regexp"

// regexpReplace replaces each match of expr in s by f of it.
func regexpReplace(s, expr string, f func(string) string) string {
	return regexp.MustCompile(expr).ReplaceAllStringFunc(s, f)
}
