package icp

// LikelyDummy reports whether n, though well formed, looks like a
// template's default rather than an issued number. It is a heuristic
// (UNCERTAIN: no authority publishes which serials exist), meant for a
// warning, never for an error. A number is likely a dummy when its serial:
//
//   - is one digit repeated (京ICP备88888888号, 粤B2-11111111);
//   - runs up or down by one digit at a time (京ICP备12345678号,
//     浙ICP备1234567890号, 京ICP证123456号, 京ICP备87654321号);
//   - is a year followed only by zeros (浙ICP备2022000000号, 京ICP备12000000号,
//     粤B2-20170000);
//   - for a 公网安备 number, has at most one non-zero digit after its
//     six-digit area code (京公网安备11000000000001号): issued numbers carry
//     a type code and a sequence there (京公网安备11000002000001号), or its
//     digits after the province code run as above.
//
// The service index is not considered.
func (n Number) LikelyDummy() bool {
	if !n.IsValid() {
		return false
	}
	var buf [20]byte
	d := appendSerial(buf[:0], n.serial, n.serialLen)
	if n.kind == PoliceFiling {
		nonZero := 0
		for _, c := range d[6:] {
			if c != '0' {
				nonZero++
			}
		}
		return nonZero <= 1 || repeated(d[2:]) || sequential(d[2:])
	}
	if repeated(d) || sequential(d) {
		return true
	}
	switch {
	case n.kind == TelecomLicense || n.serialLen == 10:
		return allZeroBytes(d[4:])
	case n.kind != ICPLicense && n.serialLen == 8:
		return allZeroBytes(d[2:])
	}
	return false
}

func repeated(d []byte) bool {
	for _, c := range d {
		if c != d[0] {
			return false
		}
	}
	return true
}

// sequential: each digit is one more (or each one less) than the one
// before, wrapping 9 to 0 (1234567890).
func sequential(d []byte) bool {
	if len(d) < 3 {
		return false
	}
	up, down := true, true
	for i := 1; i < len(d); i++ {
		if d[i] != (d[i-1]-'0'+1)%10+'0' {
			up = false
		}
		if d[i] != (d[i-1]-'0'+9)%10+'0' {
			down = false
		}
	}
	return up || down
}

func allZeroBytes(d []byte) bool {
	for _, c := range d {
		if c != '0' {
			return false
		}
	}
	return true
}
