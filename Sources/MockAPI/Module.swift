/// Placeholder until the module lands.
enum MockAPIModule {}
