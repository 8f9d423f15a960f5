namespace newsmine {}
