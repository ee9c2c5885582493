package store

// KeyedInBatches answers a lookup of many IDs (UsersByIDs) as both engines
// do it: fetch is asked for at most batch IDs at a time, one query each, so
// that no query outgrows what the engine takes, and what it returns is
// keyed by key; an ID nothing was found for is simply absent.
func KeyedInBatches[T any](ids []string, batch int, fetch func(chunk []string) ([]T, error), key func(T) string) (map[string]T, error) {
	out := make(map[string]T, len(ids))
	for start := 0; start < len(ids); start += batch {
		found, err := fetch(ids[start:min(start+batch, len(ids))])
		if err != nil {
			return nil, err
		}
		for _, it := range found {
			out[key(it)] = it
		}
	}
	return out, nil
}
