package pdfcheck

import (
	"errors"
	"testing"

	"chiso/parse/fault"
)

func TestStreamRefs(t *testing.T) {
	tests := []struct {
		name, data string
		bad        bool
	}{
		{"length in an integer object", "5 0 obj\n<< /Length 6 0 R >>\nstream\nxx\nendstream\nendobj\n6 0 obj\n2\nendobj\n", false},
		{"filter is itself", "5 0 obj\n<< /Filter 5 65535 R /Length 2 >>\nstream\nxx\nendstream\nendobj\n", true},
		{"length in another stream", "5 0 obj\n<< /Length 6 0 R >>\nstream\nxx\nendstream\nendobj\n6 0 obj\n<< /Length 1 >>\nstream\n2\nendstream\nendobj\n", true},
		{"decode parameters in an array of references", "5 0 obj\n<< /DecodeParms [ 7 0 R 6 0 R ] /Length 2 >>\nstream\nxx\nendstream\nendobj\n6 0 obj\n<< /Length 0 >>\nstream\n\nendstream\nendobj\n", true},
		{"a stream referring to a stream elsewhere", "5 0 obj\n<< /Length 2 /Resources << /XObject << /X 6 0 R >> >> >>\nstream\nxx\nendstream\nendobj\n6 0 obj\n<< /Length 0 >>\nstream\n\nendstream\nendobj\n", false},
		{"a dictionary referring to itself", "5 0 obj\n<< /Filter 5 0 R >>\nendobj\n", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := StreamRefs([]byte("%PDF-1.7\n" + tc.data))
			if tc.bad != (err != nil) {
				t.Fatalf("err = %v, want an error: %v", err, tc.bad)
			}
			if err != nil && !errors.Is(err, fault.ErrDamaged) {
				t.Errorf("err = %v, not ErrDamaged", err)
			}
		})
	}
}
