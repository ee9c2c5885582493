package mongo

import "go.mongodb.org/mongo-driver/v2/mongo"

// Database returns the underlying database, for the GridFS blob store that
// shares it.
func (db *DB) Database() *mongo.Database { return db.users.Database() }
