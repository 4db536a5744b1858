//go:build !race

package audit

const raceBuild = false
