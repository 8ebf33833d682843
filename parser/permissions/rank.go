package permissions

import (
	"cmp"
	"math"
	"slices"
)

// candidate is a permission that grants an entry in one scheme, with the
// number of entries it grants in that scheme across the whole file.
type candidate struct {
	permission Permission
	breadth    int
}

// rank splits the candidates of one entry and scheme into Least and
// Higher. It also returns how many candidates permissions.json marks
// least.
//
// When several are marked least, only the best by lowest privilege level
// (unknown levels rank last), then by smallest breadth, stay in Least; the
// others move to Higher and keep ClaimedLeast. Higher is sorted by
// privilege level, then name.
func rank(candidates []candidate) (SchemeResult, int) {
	var claims, others []candidate
	for _, c := range candidates {
		if c.permission.ClaimedLeast {
			claims = append(claims, c)
			continue
		}
		others = append(others, c)
	}

	slices.SortFunc(claims, compareClaims)
	var res SchemeResult
	for i, c := range claims {
		if i > 0 && compareStrength(claims[0], c) != 0 {
			others = append(others, c)
			continue
		}
		res.Least = append(res.Least, c.permission)
	}

	slices.SortFunc(others, func(a, b candidate) int {
		return cmp.Or(
			cmp.Compare(levelRank(a), levelRank(b)),
			cmp.Compare(a.permission.Name, b.permission.Name),
		)
	})
	for _, c := range others {
		res.Higher = append(res.Higher, c.permission)
	}
	return res, len(claims)
}

// compareClaims orders least claims from the strongest claim to the
// weakest, ties by name.
func compareClaims(a, b candidate) int {
	return cmp.Or(compareStrength(a, b), cmp.Compare(a.permission.Name, b.permission.Name))
}

// compareStrength compares two least claims by privilege level, then by
// breadth; a lower value is a less privileged permission.
func compareStrength(a, b candidate) int {
	return cmp.Or(
		cmp.Compare(levelRank(a), levelRank(b)),
		cmp.Compare(a.breadth, b.breadth),
	)
}

// levelRank is the privilege level, with unknown levels ranked last.
func levelRank(c candidate) int {
	if c.permission.PrivilegeLevel <= 0 {
		return math.MaxInt
	}
	return c.permission.PrivilegeLevel
}
