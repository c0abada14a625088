/// Placeholder until the module lands.
enum PostgresModule {}
