//go:build !linux

package audit

import "time"

// threadCPU falls back to elapsed time where the thread's CPU time is not
// at hand.
func threadCPU() time.Duration { return monotonic() }
