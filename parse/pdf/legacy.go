package pdf

import "chiso/parse/vntext"

// fromLegacy converts text drawn in a TCVN3 or VNI font, read as Latin-1,
// to Unicode.
func fromLegacy(s string, l legacy) string {
	switch l {
	case legacyTCVN3:
		return vntext.FromTCVN3(s)
	case legacyTCVN3Upper:
		return vntext.FromTCVN3Upper(s)
	case legacyVNI:
		return vntext.FromVNI(s)
	}
	return s
}
