package icp

// LikelyDummy reports whether n, though well formed, looks like a
// template's default rather than an issued number. It is a heuristic
// (UNCERTAIN: no authority publishes which serials exist), meant for a
// warning, never for an error; it was tuned on the hand-labelled footers in
// testdata/realworld, where it flags no real number. A number is likely a
// dummy when its serial:
//
//   - is one digit repeated (京ICP备88888888号, 粤B2-11111111);
//   - runs up or down one digit at a time (京ICP备12345678号,
//     浙ICP备1234567890号, 京ICP证123456号, 京ICP备87654321号);
//   - is a four-digit year followed by zeros and at most one other digit
//     (浙ICP备2022000000号, 京ICP备2024000001号, 青ICP备20230001号), or a
//     two-digit year followed by zeros (京ICP备12000000号); for a telecom
//     licence, whose serial is a year and a four-digit sequence, a year
//     followed by zeros only (粤B2-20170000);
//   - ends, after zeros, in a run from 1 of four or more digits
//     (湘ICP备2023001234号, 京公网安备11010802012345号);
//   - for an ICP licence, is zeros and one digit (京ICP证000001号);
//   - for a telecom licence, does not start with a year from 1990
//     (渝B2-12134567);
//   - for a 公网安备 number, has at most one non-zero digit after its
//     six-digit area code (京公网安备11000000000001号): issued numbers carry
//     a type code and a sequence there (京公网安备11000002000001号); or its
//     digits after the province code are repeated or run as above; or its
//     six-digit sequence is, after zeros, one digit repeated four or more
//     times (粤公网安备44030502008888号, 豫公网安备41230000099999号).
//
// The service index is not considered.
func (n Number) LikelyDummy() bool {
	if !n.IsValid() {
		return false
	}
	var buf [20]byte
	d := appendSerial(buf[:0], n.serial, n.serialLen)
	if n.kind == PoliceFiling {
		return nonZero(d[6:]) <= 1 || repeated(d[2:]) || sequential(d[2:]) || dummyTail(d[8:]) || repeatedTail(d[8:])
	}
	if repeated(d) || sequential(d) {
		return true
	}
	year := len(d) >= 8 && (d[0] == '1' && d[1] == '9' || d[0] == '2' && d[1] == '0')
	switch {
	case n.kind == TelecomLicense:
		if y, ok := n.Year(); !ok || y < 1990 {
			return true
		}
		return allZeroBytes(d[4:]) || dummyTail(d[4:])
	case n.kind == ICPLicense:
		return nonZero(d) <= 1 || dummyTail(d)
	case year && nonZero(d[4:]) <= 1:
		return true
	case len(d) == 8 && allZeroBytes(d[2:]):
		return true
	case len(d) == 10:
		return dummyTail(d[4:])
	}
	return dummyTail(d[2:])
}

// dummyTail: after leading zeros, d is a run from 1 of at least four
// digits.
func dummyTail(d []byte) bool {
	i := 0
	for i < len(d) && d[i] == '0' {
		i++
	}
	t := d[i:]
	return len(t) >= 4 && t[0] == '1' && sequential(t)
}

// repeatedTail: after leading zeros, d is one digit repeated at least four
// times.
func repeatedTail(d []byte) bool {
	i := 0
	for i < len(d) && d[i] == '0' {
		i++
	}
	return len(d)-i >= 4 && repeated(d[i:])
}

func nonZero(d []byte) int {
	k := 0
	for _, c := range d {
		if c != '0' {
			k++
		}
	}
	return k
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
