print("qai-loader")
