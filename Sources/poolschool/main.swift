print("poolschool")
