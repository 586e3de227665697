group "default" {
  targets = ["api", "trainer"]
}

target "api" {
  dockerfile = "api.Dockerfile"
  tags       = ["local/api:dev"]
}

target "trainer" {
  dockerfile = "trainer.Dockerfile"
  tags       = ["local/trainer:dev"]
}
