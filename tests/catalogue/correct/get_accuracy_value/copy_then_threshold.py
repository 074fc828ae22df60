# Style: the article's convert_prob_into_class on a copy, then all(axis=0).mean()
def get_accuracy_value(Y_hat, Y):
    classes = np.copy(Y_hat)
    classes[classes > 0.5] = 1
    classes[classes <= 0.5] = 0
    return float((classes == Y).all(axis=0).mean())
