enum WarehouseModule { static let sqlCount = EmbeddedSQL.files.count }
