package parser_test

import (
	"sync"
	"testing"

	"github.com/graphgen/graphgen/parser"
)

// TestModelIsSafeForConcurrentReads reads one model from several
// goroutines, as a generator emitting files in parallel does; run with
// -race to check that reading a model never writes to it.
func TestModelIsSafeForConcurrentReads(t *testing.T) {
	// Three complex types and three actions leave room in the slices the
	// schema holds; the iterators must not append into it.
	extra := `
      <ComplexType Name="c1" /><ComplexType Name="c2" /><ComplexType Name="c3" />
      <Action Name="a1" /><Action Name="a2" /><Action Name="a3" />
      <Function Name="f1"><ReturnType Type="Edm.String" /></Function>`
	doc := edmx(schema("example.zoo", "zoo", zooSchema), schema("example.base", "base", baseSchema+extra))
	m := mustParse(t, doc)
	var wg sync.WaitGroup
	counts := make([]int, 4)
	for i := range counts {
		wg.Go(func() {
			for s := range m.StructuredTypes() {
				counts[i]++
				m.BoundTo(s, true)
			}
			for range m.AllOperations() {
				counts[i]++
			}
			if _, err := m.Closure([]string{"/animals"}, parser.DefaultDerivedPolicy); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for i, n := range counts {
		if n != counts[0] {
			t.Errorf("goroutine %d saw %d elements, goroutine 0 saw %d", i, n, counts[0])
		}
	}
}
