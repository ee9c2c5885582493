package quiz

// Overlapping quotas ("5 on topic A", "5 hard", "10 of any kind") compete for
// the same questions, so whether a blueprint can be met without repeating a
// question is a bipartite supply/demand problem, not a per-quota count.
// Questions with the same topic and difficulty ("a cell") are
// interchangeable for every quota, so the network is quotas → cells, small
// enough (tens of nodes) to solve exactly with Edmonds–Karp.

// supplyNet is a flow network: source → quota (demand) → cell (if the quota
// accepts it) → sink (questions available in the cell).
type supplyNet struct {
	head, next, to, capacity []int
	quotas, cells            int
}

const flowSource = 0

func (g *supplyNet) sink() int           { return 1 + g.quotas + g.cells }
func (g *supplyNet) quotaNode(q int) int { return 1 + q }
func (g *supplyNet) cellNode(c int) int  { return 1 + g.quotas + c }

func newSupplyNet(quotas, cells int) *supplyNet {
	n := 2 + quotas + cells
	g := &supplyNet{head: make([]int, n), quotas: quotas, cells: cells}
	for i := range g.head {
		g.head[i] = -1
	}
	return g
}

// edge adds u→v with capacity c and its residual twin (index e^1).
func (g *supplyNet) edge(u, v, c int) {
	g.to = append(g.to, v, u)
	g.capacity = append(g.capacity, c, 0)
	g.next = append(g.next, g.head[u], g.head[v])
	e := len(g.to) - 2
	g.head[u], g.head[v] = e, e+1
}

// maxFlow saturates the network and returns the flow.
func (g *supplyNet) maxFlow() int {
	total := 0
	via := make([]int, len(g.head)) // edge used to reach each node
	queue := make([]int, 0, len(g.head))
	for {
		for i := range via {
			via[i] = -1
		}
		via[flowSource] = -2
		queue = append(queue[:0], flowSource)
		for len(queue) > 0 && via[g.sink()] == -1 {
			u := queue[0]
			queue = queue[1:]
			for e := g.head[u]; e != -1; e = g.next[e] {
				if v := g.to[e]; g.capacity[e] > 0 && via[v] == -1 {
					via[v] = e
					queue = append(queue, v)
				}
			}
		}
		if via[g.sink()] == -1 {
			return total
		}
		push := int(^uint(0) >> 1)
		for v := g.sink(); v != flowSource; v = g.to[via[v]^1] {
			push = min(push, g.capacity[via[v]])
		}
		for v := g.sink(); v != flowSource; v = g.to[via[v]^1] {
			g.capacity[via[v]] -= push
			g.capacity[via[v]^1] += push
		}
		total += push
	}
}

// starvedQuotas returns, after maxFlow, the quotas still reachable from the
// source in the residual network. When the flow falls short they form a set
// whose joint demand exceeds every question they could share (Hall's
// condition fails), which is exactly what an organizer must be told.
func (g *supplyNet) starvedQuotas() []int {
	seen := make([]bool, len(g.head))
	seen[flowSource] = true
	stack := []int{flowSource}
	for len(stack) > 0 {
		u := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for e := g.head[u]; e != -1; e = g.next[e] {
			if v := g.to[e]; g.capacity[e] > 0 && !seen[v] {
				seen[v] = true
				stack = append(stack, v)
			}
		}
	}
	var out []int
	for q := range g.quotas {
		if seen[g.quotaNode(q)] {
			out = append(out, q)
		}
	}
	return out
}

// supplyProblem is the input of a feasibility question: how many questions
// each quota still needs, how many each cell still has, which cells each
// quota accepts.
type supplyProblem struct {
	demand  []int
	supply  []int
	accepts [][]bool // [quota][cell]
}

// solve builds and saturates the network; ok reports whether every demand is
// met.
func (p supplyProblem) solve() (g *supplyNet, ok bool) {
	g = newSupplyNet(len(p.demand), len(p.supply))
	want := 0
	for q, d := range p.demand {
		if d <= 0 {
			continue
		}
		want += d
		g.edge(flowSource, g.quotaNode(q), d)
		for c, yes := range p.accepts[q] {
			if yes && p.supply[c] > 0 {
				g.edge(g.quotaNode(q), g.cellNode(c), d)
			}
		}
	}
	for c, s := range p.supply {
		if s > 0 {
			g.edge(g.cellNode(c), g.sink(), s)
		}
	}
	return g, g.maxFlow() == want
}
